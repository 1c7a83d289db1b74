package io.jasyncio.maven.check;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.Position;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ClassLoaderTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The source checker: parses Java files with JavaParser, resolves symbols against the module's own
 * sources, its dependency jars and directories, and the JDK, and runs every rule over each file.
 * Holds a class loader over class directories; close it when done.
 */
public final class SourceChecker implements AutoCloseable {
    /** A file JavaParser could not parse; the checker reports it and moves on. */
    public static final class UnparsableSourceException extends Exception {
        private static final long serialVersionUID = 1L;

        UnparsableSourceException(String message) {
            super(message);
        }
    }

    private static final List<CheckRule> RULES = List.of(new AwaitOutsideAsyncRule(), new AwaitInSynchronizedRule(),
            new DroppedCoroutineRule(), new BlockingCallRule(), new SwallowedCancellationRule());

    private final JavaParser parser;
    private final URLClassLoader classDirectories;
    private final List<String> setupWarnings = new ArrayList<>();

    /**
     * @param sourceRoots the module's source directories (resolved from source, so they need not be compiled)
     * @param classpath   dependency jars and class directories; missing or unreadable entries are skipped
     * @param encoding    the sources' encoding
     */
    public SourceChecker(List<Path> sourceRoots, List<Path> classpath, Charset encoding) {
        CombinedTypeSolver solver = new CombinedTypeSolver();
        // JDK only: the plugin's own class path (transformer, JavaParser, Maven) must not answer for the project.
        solver.add(new ReflectionTypeSolver(true));
        for (Path root : sourceRoots) {
            if (Files.isDirectory(root)) {
                solver.add(new JavaParserTypeSolver(root, configuration(encoding)));
            }
        }
        // Jars are read as archives; class directories (a sibling module in the reactor) only through a class
        // loader, which needs the jars too so that those classes link.
        List<URL> urls = new ArrayList<>();
        boolean anyDirectory = false;
        for (Path entry : classpath) {
            boolean directory = Files.isDirectory(entry);
            if (!directory && !(Files.isRegularFile(entry) && entry.toString().endsWith(".jar"))) {
                continue;
            }
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                setupWarnings.add("ignoring class path entry " + entry + ": " + e.getMessage());
                continue;
            }
            if (directory) {
                anyDirectory = true;
            } else {
                try {
                    solver.add(new JarTypeSolver(entry));
                } catch (IOException | RuntimeException e) {
                    setupWarnings.add("cannot read " + entry + " (" + e + "); its types resolve by name only");
                }
            }
        }
        classDirectories = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        if (anyDirectory) {
            solver.add(new ClassLoaderTypeSolver(classDirectories));
        }
        parser = new JavaParser(configuration(encoding).setSymbolResolver(new JavaSymbolSolver(solver)));
    }

    private static ParserConfiguration configuration(Charset encoding) {
        return new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setCharacterEncoding(encoding);
    }

    /** Problems met while setting up symbol resolution (unreadable jars); none of them stops the check. */
    public List<String> setupWarnings() {
        return List.copyOf(setupWarnings);
    }

    /** Every finding in one file, in source order, excluding those suppressed with {@code @SuppressWarnings}. */
    public List<Finding> check(Path file) throws IOException, UnparsableSourceException {
        ParseResult<CompilationUnit> result = parser.parse(file);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            String problems = result.getProblems().stream().limit(3).map(Problem::getVerboseMessage)
                    .collect(Collectors.joining("; "));
            throw new UnparsableSourceException(file + ": cannot parse (" + problems + ")");
        }
        CompilationUnit unit = result.getResult().get();
        Symbols symbols = new Symbols();
        List<Finding> findings = new ArrayList<>();
        CheckRule.Sink sink = (rule, at, message, fix) -> {
            if (!Scopes.isSuppressed(at, rule)) {
                Position begin = at.getBegin().orElse(new Position(1, 1));
                findings.add(new Finding(file, begin.line, begin.column, rule, message, fix));
            }
        };
        for (CheckRule rule : RULES) {
            rule.check(unit, symbols, sink);
        }
        findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(Finding::rule));
        return findings;
    }

    @Override
    public void close() throws IOException {
        classDirectories.close();
    }
}
