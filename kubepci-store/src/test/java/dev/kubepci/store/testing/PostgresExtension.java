package dev.kubepci.store.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a running {@link PostgresServer} (declare a parameter of that type): one server for the whole test
 * run, started on first use and stopped when the run ends. Each test takes its own database with
 * {@link PostgresServer#newDatabase()}.
 */
public final class PostgresExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", k -> new Running(), Running.class).server;
  }

  /** The server, stopped by JUnit when the root context closes. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final PostgresServer server;

    Running() {
      try {
        server = PostgresServer.start();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
