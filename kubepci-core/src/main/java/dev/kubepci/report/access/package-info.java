/**
 * The who-can and access reports (text and JSON) over the RBAC model.
 */
package dev.kubepci.report.access;
