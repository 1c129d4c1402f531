/**
 * What admission control does to the pods of each namespace, read from the objects of an inventory.
 *
 * <p>{@link dev.kubepci.admission.AdmissionLandscape#of(dev.kubepci.model.Inventory, String)} gives one namespace's
 * {@link dev.kubepci.admission.NamespaceAdmission}: its Pod Security admission labels
 * ({@link dev.kubepci.admission.PodSecurityLabels}) and every policy engine's policies that act on its pods, each an
 * {@link dev.kubepci.admission.Enforcement} with its mode, the pod security controls it covers
 * ({@link dev.kubepci.admission.SecurityControls}) and its exemptions. One reader per engine: Kyverno, Gatekeeper,
 * ValidatingAdmissionPolicy, Kubewarden, jsPolicy and OpenShift SecurityContextConstraints.
 * {@link dev.kubepci.admission.AdmissionWebhooks} lists the webhook configurations with the engine behind each,
 * its failure policy and selectors; {@link dev.kubepci.admission.AdmissionEngine} recognises engines by their
 * controller images and webhooks. {@link dev.kubepci.admission.ObjectFields} reads typed and CRD objects alike as
 * map trees, so that each reader is written against the API's field names.
 *
 * <p>Selectors follow {@link dev.kubepci.model.LabelSelectors}: a webhook's or a policy's absent namespaceSelector
 * selects every namespace, as the API server defaults it. The rules that judge these facts live in the rules module.
 */
package dev.kubepci.admission;
