package io.jasyncio.samples.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real PostgreSQL server: one throwaway cluster ({@link LocalPostgres}) for the whole
 * test run, started by the first class that asks and stopped when the run ends. Where the server
 * binaries are not installed the classes are skipped, saying how to install them; any other failure
 * to start is an error.
 */
final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    /**
     * Stops the cluster when JUnit closes the root store at the end of the run (JUnit 5.13+ closes
     * AutoCloseable values; older ones, CloseableResource).
     */
    @SuppressWarnings("deprecation")
    private record Running(LocalPostgres server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> why = LocalPostgres.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "no PostgreSQL server to test against: " + why.orElse(""));
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static LocalPostgres server(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> {
            try {
                return new Running(LocalPostgres.start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Running.class).server();
    }
}
