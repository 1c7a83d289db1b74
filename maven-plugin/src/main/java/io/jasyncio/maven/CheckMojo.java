package io.jasyncio.maven;

import io.jasyncio.maven.check.Finding;
import io.jasyncio.maven.check.Rule;
import io.jasyncio.maven.check.Severity;
import io.jasyncio.maven.check.SourceChecker;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the project's Java sources for asyncio's common mistakes before anything runs, each reported as
 * {@code file:line:column: rule-id: message — fix}:
 * <ul>
 * <li>{@code await-outside-async}: {@code await(...)} in a method without {@code @Async}, or in a lambda
 * (a lambda's body is not part of the {@code @Async} method around it);</li>
 * <li>{@code await-in-synchronized}: {@code await(...)} while a monitor is held;</li>
 * <li>{@code dropped-coroutine}: a statement that calls an {@code @Async} method (or any method returning
 * {@code io.jasyncio.Coroutine}) and discards the coroutine, which therefore never runs;</li>
 * <li>{@code blocking-call}: a call that blocks the loop thread inside an {@code @Async} method
 * ({@code Thread.sleep}, {@code Object.wait}, {@code Future.get}, {@code CompletableFuture.join},
 * blocking {@code java.io}/{@code java.net} calls, {@code new Socket(...)}, a nested {@code Asyncio.run});</li>
 * <li>{@code swallowed-cancellation}: in an {@code @Async} method, a catch of CancellationException or a
 * supertype around an await that neither rethrows nor otherwise propagates the cancellation.</li>
 * </ul>
 * Symbols resolve against the module's sources, its dependencies and the JDK; what cannot be resolved is
 * matched by name, never failing the build. A deliberate exception is marked in the source with
 * {@code @SuppressWarnings("jasyncio:rule-id")}. Bound by default to {@code process-sources}, so a build
 * stops on these mistakes before compiling.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Skips the source check. */
    @Parameter(property = "jasyncio.check.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Severity per rule, {@code off}, {@code warning} or {@code error}; rules not listed are errors. For
     * example {@code &lt;rules&gt;&lt;blocking-call&gt;warning&lt;/blocking-call&gt;&lt;/rules&gt;}.
     * Rule ids: {@code await-outside-async}, {@code await-in-synchronized}, {@code dropped-coroutine},
     * {@code blocking-call}, {@code swallowed-cancellation}.
     */
    @Parameter
    private Map<String, String> rules;

    /** Whether findings of severity {@code error} fail the build; when false they are only logged. */
    @Parameter(property = "jasyncio.check.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Whether test sources are checked too, not only main sources. */
    @Parameter(property = "jasyncio.check.includeTests", defaultValue = "true")
    private boolean includeTests;

    /**
     * Ant-style patterns, relative to a source root, choosing the files to check, for example
     * {@code com/acme/service/**}. Default: every {@code .java} file.
     */
    @Parameter
    private List<String> includes;

    /** Ant-style patterns, relative to a source root, of files never checked (generated code, say). */
    @Parameter
    private List<String> excludes;

    /** The sources' encoding. */
    @Parameter(property = "encoding", defaultValue = "${project.build.sourceEncoding}")
    private String encoding;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the jasyncio source check (jasyncio.check.skip)");
            return;
        }
        Map<Rule, Severity> severities = severities();
        List<Path> roots = sourceRoots();
        List<Path> files = sourceFiles(roots);
        if (files.isEmpty()) {
            getLog().info("No sources to check");
            return;
        }
        int errors = 0;
        int warnings = 0;
        try (SourceChecker checker = new SourceChecker(roots, classpath(), charset())) {
            for (String warning : checker.setupWarnings()) {
                getLog().warn(warning);
            }
            for (Path file : files) {
                List<Finding> findings;
                try {
                    findings = checker.check(file);
                } catch (SourceChecker.UnparsableSourceException e) {
                    getLog().warn(e.getMessage() + "; not checked");
                    continue;
                } catch (RuntimeException | StackOverflowError e) {
                    getLog().warn(file + ": the jasyncio checker failed on this file (" + e + "); not checked");
                    continue;
                }
                for (Finding finding : findings) {
                    Severity severity = severities.get(finding.rule());
                    if (severity == Severity.ERROR) {
                        getLog().error(finding.toString());
                        errors++;
                    } else if (severity == Severity.WARNING) {
                        getLog().warn(finding.toString());
                        warnings++;
                    }
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("jasyncio check: " + e.getMessage(), e);
        }
        getLog().info("Checked " + files.size() + " source files: " + errors + " errors, " + warnings + " warnings");
        if (errors > 0) {
            String message = "jasyncio check found " + errors + (errors == 1 ? " error" : " errors")
                    + " (see the lines above)";
            if (failOnError) {
                throw new MojoFailureException(message);
            }
            getLog().warn(message + "; continuing because failOnError is false");
        }
    }

    private Map<Rule, Severity> severities() throws MojoExecutionException {
        Map<Rule, Severity> result = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            result.put(rule, Severity.ERROR);
        }
        if (rules != null) {
            for (Map.Entry<String, String> e : rules.entrySet()) {
                String where = "<rules><" + e.getKey() + ">";
                Rule rule;
                try {
                    rule = Rule.byId(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw new MojoExecutionException("jasyncio check configuration " + where + ": " + ex.getMessage());
                }
                try {
                    result.put(rule, Severity.parse(e.getValue(), where));
                } catch (IllegalArgumentException ex) {
                    throw new MojoExecutionException("jasyncio check configuration " + ex.getMessage());
                }
            }
        }
        return result;
    }

    private List<Path> sourceRoots() {
        Set<Path> roots = new LinkedHashSet<>();
        project.getCompileSourceRoots().forEach(r -> roots.add(Paths.get(r)));
        if (includeTests) {
            project.getTestCompileSourceRoots().forEach(r -> roots.add(Paths.get(r)));
        }
        return roots.stream().filter(Files::isDirectory).collect(Collectors.toList());
    }

    private List<Path> sourceFiles(List<Path> roots) throws MojoExecutionException {
        PathSelector selector = new PathSelector(includes, excludes);
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                        .filter(p -> selector.isSelected(root.relativize(p).toString().replace('\\', '/')))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new MojoExecutionException("Cannot list sources in " + root + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Dependencies only: the module's own output directories would shadow its sources with stale classes. */
    private List<Path> classpath() throws MojoExecutionException {
        Set<String> own = Set.of(project.getBuild().getOutputDirectory(), project.getBuild().getTestOutputDirectory());
        try {
            List<String> elements = includeTests ? project.getTestClasspathElements()
                    : project.getCompileClasspathElements();
            return elements.stream().filter(e -> !own.contains(e)).map(Paths::get).collect(Collectors.toList());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the class path", e);
        }
    }

    private Charset charset() throws MojoExecutionException {
        if (encoding == null || encoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("jasyncio check: unknown source encoding '" + encoding + "'");
        }
    }
}
