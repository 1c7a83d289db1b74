package io.jasyncio.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Weaves the project's main classes in place: every {@code @Async} method in
 * {@code ${project.build.outputDirectory}} becomes a state machine that suspends on {@code await} back to
 * the event loop. Runs after compilation ({@code process-classes}), so the jar, the tests and
 * {@code exec:java} all see woven classes. Frames are computed against the project's compile class path
 * (the output directory, dependency jars and the JDK). Only classes javac rewrote since the last run are
 * woven again.
 */
@Mojo(name = "weave", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class WeaveMojo extends AbstractWeaveMojo {
    @Override
    protected Path classesDirectory() {
        return Paths.get(project.getBuild().getOutputDirectory());
    }

    @Override
    protected List<String> classpathElements() throws MojoExecutionException {
        try {
            return project.getCompileClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the compile class path", e);
        }
    }

    @Override
    protected String stateName() {
        return "weave-main";
    }
}
