/**
 * Reading the input into an inventory: files, folders, standard input, cluster dumps, rendered Helm charts and
 * kustomizations, with each object's provenance, the documents skipped and the errors that name file, document and
 * line; and {@link dev.kubepci.collect.FieldLines}, which points findings at the line of their field after the
 * assessment.
 */
package dev.kubepci.collect;
