package io.jasyncio.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last weave left in a classes directory: for each class file, the size and modification time
 * it had afterwards, and for each generated frame class, the class it was generated for. A file that
 * still matches was not recompiled, so it is not read again; javac rewriting a class changes its stamp
 * and sends it back through the weaver. Knowing each frame's owner lets a re-weave delete the frames of
 * {@code @Async} methods that no longer exist, which javac never would.
 *
 * <p>One line per class file: {@code a/b/Foo.class=size:mtime} or, for a frame,
 * {@code a/b/Foo$m$Coroutine.class=size:mtime>a/b/Foo.class}.
 */
final class WeaveState {
    private record Entry(String stamp, String owner) {
    }

    private final Path file;
    private final Map<String, Entry> previous;
    private final Map<String, List<String>> previousFramesByOwner = new HashMap<>();
    private final Map<String, Entry> current = new TreeMap<>();

    private WeaveState(Path file, Map<String, Entry> previous) {
        this.file = file;
        this.previous = previous;
        for (Map.Entry<String, Entry> e : previous.entrySet()) {
            if (e.getValue().owner() != null) {
                previousFramesByOwner.computeIfAbsent(e.getValue().owner(), k -> new ArrayList<>()).add(e.getKey());
            }
        }
    }

    /** Loads the state file; a missing or unreadable one means a full weave, never a failure. */
    static WeaveState load(Path file) {
        Map<String, Entry> entries = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    int eq = line.lastIndexOf('=', line.indexOf('>') < 0 ? line.length() : line.indexOf('>'));
                    if (line.startsWith("#") || eq <= 0) {
                        continue;
                    }
                    String value = line.substring(eq + 1);
                    int arrow = value.indexOf('>');
                    entries.put(line.substring(0, eq), arrow < 0 ? new Entry(value, null)
                            : new Entry(value.substring(0, arrow), value.substring(arrow + 1)));
                }
            } catch (IOException | RuntimeException e) {
                entries.clear();
            }
        }
        return new WeaveState(file, entries);
    }

    /** True when the class file carries the stamp recorded after the last weave; keeps the record for the next. */
    boolean isUnchanged(String relativePath, Path classFile) throws IOException {
        Entry before = previous.get(relativePath);
        if (before != null && before.stamp().equals(stamp(classFile))) {
            current.put(relativePath, before);
            return true;
        }
        return false;
    }

    /** Records a class file as it is now, after weaving (or after deciding it needs none). */
    void record(String relativePath, Path classFile) throws IOException {
        current.put(relativePath, new Entry(stamp(classFile), null));
    }

    /** Records a frame class written for {@code owner}. */
    void recordFrame(String relativePath, Path frameFile, String owner) throws IOException {
        current.put(relativePath, new Entry(stamp(frameFile), owner));
    }

    /** The frame classes the last run generated for {@code owner}. */
    List<String> previousFrames(String owner) {
        return previousFramesByOwner.getOrDefault(owner, List.of());
    }

    /** Every frame class of the last run whose owner's class file no longer exists under {@code classesDir}. */
    List<String> orphanedFrames(Path classesDir) {
        List<String> frames = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : previousFramesByOwner.entrySet()) {
            if (!Files.exists(classesDir.resolve(e.getKey()))) {
                frames.addAll(e.getValue());
            }
        }
        return frames;
    }

    /** Drops what this run recorded for a file that has been deleted. */
    void forget(String relativePath) {
        current.remove(relativePath);
    }

    /** Writes the entries recorded in this run; classes deleted since the last run drop out. */
    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write("# jasyncio weave state: class file=size:mtime after weaving[>owner of a frame class]\n");
            for (Map.Entry<String, Entry> e : current.entrySet()) {
                out.write(e.getKey());
                out.write('=');
                out.write(e.getValue().stamp());
                if (e.getValue().owner() != null) {
                    out.write('>');
                    out.write(e.getValue().owner());
                }
                out.write('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String stamp(Path classFile) throws IOException {
        return Files.size(classFile) + ":" + Files.getLastModifiedTime(classFile).toMillis();
    }
}
