/**
 * Rules on secret values in places other than Secrets: environment variables, ConfigMaps, annotations, and exposed
 * secret reports.
 */
package dev.kubepci.rules.secrets;
