/**
 * The registry of report formats: each format's name and how its reporter is made, for every front end. It sits
 * apart from {@code dev.kubepci.report} because it knows every format's package, each of which knows the
 * {@link dev.kubepci.report.Reporter} interface.
 */
package dev.kubepci.report.formats;
