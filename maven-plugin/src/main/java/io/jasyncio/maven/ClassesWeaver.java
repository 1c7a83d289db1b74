package io.jasyncio.maven;

import io.jasyncio.transformer.Diagnostic;
import io.jasyncio.transformer.WeaveException;
import io.jasyncio.transformer.WeaveResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Weaves a classes directory in place: each selected class file goes through the weaver once, its
 * rewritten bytes replace it and its frame classes are written beside it. Classes the last run already
 * handled, classes that never mention jasyncio's {@code @Async}/{@code await}, and classes that carry the
 * woven marker are not woven again.
 */
final class ClassesWeaver {
    /** One class file in, the weaver's answer out; {@code Weaver::weave} in production. */
    @FunctionalInterface
    interface ClassTransform {
        WeaveResult weave(byte[] classFile) throws WeaveException;
    }

    /** What a run did: classes rewritten, classes left as they were, frame classes written, misuse found. */
    record Summary(int woven, int unchanged, int generated, List<Diagnostic> errors) {
    }

    // Every class the weaver rewrites or rejects names @Async, Asyncio (await) or AsyncCloseable: all
    // start with this, so a plain byte search spares the weaver every other class of the project.
    private static final byte[] RELEVANT = "io/jasyncio/Async".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WOVEN_MARKER = "Lio/jasyncio/internal/Woven;".getBytes(StandardCharsets.US_ASCII);

    private final ClassTransform transform;
    private final PathSelector selector;

    ClassesWeaver(ClassTransform transform, PathSelector selector) {
        this.transform = transform;
        this.selector = selector;
    }

    Summary weave(Path classesDir, WeaveState state) throws IOException {
        List<Path> classFiles;
        // Listed up front: frame classes written during the run must not be visited as new input.
        try (Stream<Path> walk = Files.walk(classesDir)) {
            classFiles = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int woven = 0;
        int unchanged = 0;
        int generated = 0;
        List<Diagnostic> errors = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (Path classFile : classFiles) {
            String relative = relativePath(classesDir, classFile);
            if (written.contains(relative) || !selector.isSelected(relative)) {
                continue;
            }
            if (state.isUnchanged(relative, classFile)) {
                unchanged++;
                continue;
            }
            byte[] bytes = Files.readAllBytes(classFile);
            if (contains(bytes, WOVEN_MARKER)) {
                state.record(relative, classFile);
                unchanged++;
                continue;
            }
            if (!contains(bytes, RELEVANT)) {
                // javac rewrote it without any @Async left: frames from an earlier version are stale
                deleteFrames(classesDir, state, state.previousFrames(relative), Set.of());
                state.record(relative, classFile);
                unchanged++;
                continue;
            }
            WeaveResult result;
            try {
                result = transform.weave(bytes);
            } catch (WeaveException e) {
                errors.addAll(e.diagnostics());
                continue;
            } catch (UncheckedIOException e) {
                throw e;   // the class path cannot be read: the build's problem, not this class's
            } catch (RuntimeException | LinkageError e) {
                errors.add(new Diagnostic(binaryName(relative), null, relative, -1,
                        "the weaver failed on this class (" + e + "); please report it with the class file"));
                continue;
            }
            Set<String> frames = new HashSet<>();
            if (result.changed()) {
                Files.write(classFile, result.bytes());
                woven++;
                for (Map.Entry<String, byte[]> frame : result.generatedClasses().entrySet()) {
                    String frameRelative = frame.getKey() + ".class";
                    Path frameFile = classesDir.resolve(frameRelative);
                    Files.createDirectories(frameFile.getParent());
                    Files.write(frameFile, frame.getValue());
                    state.recordFrame(frameRelative, frameFile, relative);
                    written.add(frameRelative);
                    frames.add(frameRelative);
                    generated++;
                }
            } else {
                unchanged++;
            }
            state.record(relative, classFile);
            deleteFrames(classesDir, state, state.previousFrames(relative), frames);
        }
        deleteFrames(classesDir, state, state.orphanedFrames(classesDir), Set.of());
        return new Summary(woven, unchanged, generated, List.copyOf(errors));
    }

    /** Deletes frame classes an earlier run wrote that the current code no longer has. */
    private static void deleteFrames(Path classesDir, WeaveState state, List<String> frames, Set<String> keep)
            throws IOException {
        for (String frame : frames) {
            if (!keep.contains(frame)) {
                Files.deleteIfExists(classesDir.resolve(frame));
                state.forget(frame);
            }
        }
    }

    private static String relativePath(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String binaryName(String relativeClassFile) {
        return relativeClassFile.substring(0, relativeClassFile.length() - ".class".length()).replace('/', '.');
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
