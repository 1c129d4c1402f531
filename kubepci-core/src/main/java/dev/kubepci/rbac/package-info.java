/**
 * Effective RBAC permissions of an inventory, evaluated as the Kubernetes RBAC authorizer evaluates them.
 *
 * <p>{@link dev.kubepci.rbac.Rbac#of(dev.kubepci.model.Inventory)} computes the model once per inventory: Roles and
 * ClusterRoles with aggregation resolved (transitively, cycles cut), RoleBindings and ClusterRoleBindings with their
 * roles and subjects, and every {@link dev.kubepci.rbac.Grant} (binding x subject x effective rule). Queries:
 * <ul>
 *   <li>{@code subjectsAllowed(request)} / {@code subjectsAllowed(verb, group, resource, subresource, namespace,
 *       name)}: the grants that allow a request (who-can);</li>
 *   <li>{@code permissionsOf(identity)} / {@code permissionsOf(subject)}: the grants that apply to a user name and
 *       its groups, including the groups Kubernetes adds ({@link dev.kubepci.rbac.Identity});</li>
 *   <li>{@code holdersOf(permission)}: the grants that allow a verb on a resource for some object name (risk checks,
 *       cross-namespace reach for segmentation);</li>
 *   <li>{@code allows(identity, request)}: the authorizer's yes or no.</li>
 * </ul>
 *
 * <p>Offline choices, where a live API server would know more: a binding to a ClusterRole missing from the input is
 * resolved with the Kubernetes default of that name ({@link dev.kubepci.rbac.KubernetesDefaults}) when there is
 * one, and otherwise reported as unresolved rather than ignored; an aggregated ClusterRole keeps its own rules next
 * to the rules its selectors collect. {@link dev.kubepci.rbac.SystemGrants} recognises the grants Kubernetes,
 * kubeadm and managed providers make to their own components. {@link dev.kubepci.rbac.AccessReview} shapes the
 * answers of the who-can and access commands.
 */
package dev.kubepci.rbac;
