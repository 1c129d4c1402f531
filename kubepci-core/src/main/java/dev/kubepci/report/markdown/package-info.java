/**
 * The Markdown report, for pull requests and wikis.
 */
package dev.kubepci.report.markdown;
