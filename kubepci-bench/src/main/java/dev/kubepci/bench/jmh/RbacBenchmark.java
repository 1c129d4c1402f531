package dev.kubepci.bench.jmh;

import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.rbac.AccessRequest;
import dev.kubepci.rbac.Grant;
import dev.kubepci.rbac.Identity;
import dev.kubepci.rbac.Rbac;
import dev.kubepci.rbac.Subject;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RBAC resolution over the RBAC objects of a 10,000-object synthetic cluster (its Roles, ClusterRoles, bindings,
 * service accounts and namespaces): building the effective-permission model, a who-can query, and one
 * identity's permissions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Thread)
public class RbacBenchmark {
  private static final Set<String> KINDS = Set.of("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding",
      "ServiceAccount", "Namespace");

  private List<Resource> rbacObjects;
  private Rbac model;
  private AccessRequest readSecrets;
  private Identity deployer;

  @Setup
  public void setUp() throws IOException {
    rbacObjects = new ArrayList<>();
    ManifestReader reader = new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        rbacObjects.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        throw new IllegalStateException(error.message());
      }
    });
    for (var o : Samples.objects(o -> KINDS.contains(o.path("kind").asText()), Integer.MAX_VALUE, 10_000)) {
      reader.read("rbac.json", new StringReader(Samples.json(o)));
    }
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
