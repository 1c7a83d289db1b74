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
 * Weaves the project's test classes in place ({@code ${project.build.testOutputDirectory}}) at
 * {@code process-test-classes}, so {@code @Async} test helpers and coroutine-based tests run woven under
 * Surefire. Frames are computed against the test class path. Does nothing when there are no test
 * classes (for example with {@code -Dmaven.test.skip}).
 */
@Mojo(name = "weave-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class WeaveTestsMojo extends AbstractWeaveMojo {
    @Override
    protected Path classesDirectory() {
        return Paths.get(project.getBuild().getTestOutputDirectory());
    }

    @Override
    protected List<String> classpathElements() throws MojoExecutionException {
        try {
            return project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("Cannot resolve the test class path", e);
        }
    }

    @Override
    protected String stateName() {
        return "weave-test";
    }
}
