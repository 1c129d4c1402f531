/**
 * The JUnit XML report: each practice a test case, for CI systems that show test results.
 */
package dev.kubepci.report.junit;
