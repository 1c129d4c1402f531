/**
 * The terminal report for people: summary, practices and findings, laid out for the terminal's width.
 */
package dev.kubepci.report.terminal;
