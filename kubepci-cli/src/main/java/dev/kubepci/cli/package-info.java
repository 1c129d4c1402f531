/**
 * The picocli commands of the {@code kubepci} command line (scan, collect, diff, evidence, pss, reach, who-can,
 * access, rules, framework), their shared options, exit codes and console output.
 */
package dev.kubepci.cli;
