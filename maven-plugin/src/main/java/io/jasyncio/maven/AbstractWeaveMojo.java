package io.jasyncio.maven;

import io.jasyncio.transformer.ClasspathHierarchy;
import io.jasyncio.transformer.Diagnostic;
import io.jasyncio.transformer.WeaveException;
import io.jasyncio.transformer.WeaveResult;
import io.jasyncio.transformer.Weaver;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** What the {@code weave} and {@code weave-tests} goals share; they differ only in directory and class path. */
abstract class AbstractWeaveMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skips weaving altogether (the classes stay as javac wrote them and fail at run time on {@code await}). */
    @Parameter(property = "jasyncio.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Ant-style patterns, relative to the classes directory, choosing which class files to weave, for
     * example {@code com/acme/service/**} or {@code **}{@code /*Handler.class}. Default: every class file.
     */
    @Parameter
    protected List<String> includes;

    /**
     * Ant-style patterns, relative to the classes directory, of class files never to weave, even when an
     * include matches them.
     */
    @Parameter
    protected List<String> excludes;

    /**
     * Whether a misuse the weaver reports ({@code await} outside an {@code @Async} method or inside
     * {@code synchronized}, {@code @Async} on a method not returning {@code Coroutine}, ...) fails the
     * build. When false the errors are still logged and the offending classes are left unwoven.
     */
    @Parameter(property = "jasyncio.failOnError", defaultValue = "true")
    protected boolean failOnError;

    /** The directory to weave in place. */
    protected abstract Path classesDirectory();

    /** Class path entries (directories and jars) the weaver reads class hierarchies from. */
    protected abstract List<String> classpathElements() throws MojoExecutionException;

    /** Names the state file, so main and test classes keep separate records. */
    protected abstract String stateName();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping jasyncio weaving (jasyncio.skip)");
            return;
        }
        Path classes = classesDirectory();
        if (!Files.isDirectory(classes)) {
            getLog().info("No classes to weave in " + classes);
            return;
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        for (String element : classpathElements()) {
            Path path = Paths.get(element);
            if (!path.equals(classes)) {
                classpath.add(path);
            }
        }
        Path stateFile = Paths.get(project.getBuild().getDirectory(), "jasyncio", stateName() + ".state");
        WeaveState state = WeaveState.load(stateFile);
        ClassesWeaver.Summary summary;
        try (LazyWeaver weaver = new LazyWeaver(classpath)) {
            summary = new ClassesWeaver(weaver, new PathSelector(includes, excludes)).weave(classes, state);
            state.save();
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("Cannot weave " + classes + ": " + e.getMessage(), e);
        }
        getLog().info("Woven " + summary.woven() + " classes (" + summary.unchanged() + " unchanged)");
        report(summary.errors());
    }

    /** Opens the class path (every jar) only when a class actually needs weaving: a no-op rebuild never does. */
    private static final class LazyWeaver implements ClassesWeaver.ClassTransform, AutoCloseable {
        private final List<Path> classpath;
        private ClasspathHierarchy hierarchy;
        private Weaver weaver;

        LazyWeaver(List<Path> classpath) {
            this.classpath = classpath;
        }

        @Override
        public WeaveResult weave(byte[] classFile) throws WeaveException {
            if (weaver == null) {
                hierarchy = new ClasspathHierarchy(classpath);
                weaver = new Weaver(hierarchy);
            }
            return weaver.weave(classFile);
        }

        @Override
        public void close() throws IOException {
            if (hierarchy != null) {
                hierarchy.close();
            }
        }
    }

    private void report(List<Diagnostic> errors) throws MojoFailureException {
        if (errors.isEmpty()) {
            return;
        }
        for (Diagnostic d : errors) {
            getLog().error(SourceLocations.describe(d, project.getCompileSourceRoots(),
                    project.getTestCompileSourceRoots()));
        }
        String message = "jasyncio weaving found " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + " (see the lines above)";
        if (failOnError) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + "; continuing because failOnError is false");
    }
}
