/**
 * The scan API every front end calls: a {@link dev.kubepci.scan.ScanRequest} (the inputs as the user named them,
 * how to render charts, the rules, the configuration and governance records, the clock, the redaction key) becomes
 * an {@link dev.kubepci.result.AssessmentReport} whose inputs are resolved, objects collected and assessed, and
 * findings pointed at their lines. The command line and the server only build requests and present reports.
 */
package dev.kubepci.scan;
