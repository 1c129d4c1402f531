/**
 * The objects rules read: {@link dev.kubepci.model.Resource} with its {@link dev.kubepci.model.Provenance}, the
 * indexed {@link dev.kubepci.model.Inventory}, the pod-spec view of every workload kind, control-plane and kubelet
 * configurations, {@link dev.kubepci.model.FieldPath} and {@link dev.kubepci.model.ScopeZone}.
 */
package dev.kubepci.model;
