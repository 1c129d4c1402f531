package dev.kubepci.bench.jmh;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.rbac.AccessRequest;
import dev.kubepci.rbac.Grant;
import dev.kubepci.rbac.Identity;
import dev.kubepci.rbac.Rbac;
import dev.kubepci.rbac.Subject;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * RBAC resolution over the RBAC objects of a 10,000-object synthetic cluster (its Roles, ClusterRoles, bindings,
 * service accounts and namespaces): building the effective-permission model, a who-can query, and one
 * identity's permissions.
 */
public class RbacBenchmark extends AverageTimeBenchmark {
  private static final Set<String> KINDS = Set.of("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding",
      "ServiceAccount", "Namespace");

  private List<Resource> rbacObjects;
  private Rbac model;
  private AccessRequest readSecrets;
  private Identity deployer;

  @Setup
  public void setUp() throws IOException {
    rbacObjects = Samples.read("rbac.json",
        Samples.objects(o -> KINDS.contains(o.path("kind").asText()), Integer.MAX_VALUE, 10_000), null);
    model = Rbac.of(Inventory.of(rbacObjects));
    readSecrets = AccessRequest.inAnyNamespace("get", "", "secrets", null, null);
    deployer = Subject.user("ci-deployer").identity();
    if (model.grants().isEmpty() || model.subjectsAllowed(readSecrets).isEmpty()) {
      throw new IllegalStateException("the sample has no grants to resolve");
    }
  }

  /** Roles with aggregation, bindings and every grant, from scratch (a fresh inventory each time). */
  @Benchmark
  public Rbac buildPermissionModel() {
    return Rbac.of(Inventory.of(rbacObjects));
  }

  /** Who can read Secrets in some namespace. */
  @Benchmark
  public List<Grant> whoCanReadSecrets() {
    return model.subjectsAllowed(readSecrets);
  }

  /** Everything one user (and the groups Kubernetes adds to it) may do. */
  @Benchmark
  public List<Grant> permissionsOfAUser() {
    return model.permissionsOf(deployer);
  }
}
