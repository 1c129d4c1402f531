package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON answers of who-can and access follow schemas/kubepci-access.schema.json. */
class AccessSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(Path.of("..", "schemas", "kubepci-access.schema.json").toUri());

  private static Set<ValidationMessage> validate(String json) throws IOException {
    return SCHEMA.validate(JSON.readTree(json));
  }

  @Test
  void whoCanAnswersValidate() throws IOException {
    for (String[] args : new String[][] {
        {"who-can", "get", "secrets", "-n", "payments", Cli.DUMP},
        {"who-can", "get", "/version", WhoCanCommandTest.FIXTURE},
        {"who-can", "delete", "nodes", Cli.MANIFESTS},
        {"who-can", "get", "secrets", "-n", "shop", "--name", "db-password", WhoCanCommandTest.FIXTURE}}) {
      Cli.Run run = Cli.run(append(args, "--format", "json"));
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(validate(run.out())).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void accessAnswersValidate() throws IOException {
    for (String[] args : new String[][] {
        {"access", "serviceaccount:payments:ci-deployer", Cli.DUMP},
        {"access", "group:system:unauthenticated", Cli.DUMP, "-n", "payments"},
        {"access", "user:nobody", WhoCanCommandTest.FIXTURE}}) {
      Cli.Run run = Cli.run(append(args, "--format", "json"));
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(validate(run.out())).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void schemaRejectsAnAnswerThatBreaksTheContract() throws IOException {
    String good = Cli.run("who-can", "get", "secrets", Cli.DUMP, "--format", "json").out();
    assertThat(validate(good.replace("\"kind\" : \"ClusterRoleBinding\"", "\"kind\" : \"Binding\""))).isNotEmpty();
    assertThat(validate("{\"query\": {}}")).isNotEmpty();
  }

  private static String[] append(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
