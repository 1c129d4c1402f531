/**
 * kubepci's published JSON schemas ({@code schemas/*.schema.json}: snapshot, report, push envelope) as the readers
 * that enforce them load them from the class path, and what a document breaks of one.
 */
package dev.kubepci.schema;
