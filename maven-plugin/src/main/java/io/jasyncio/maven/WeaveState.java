package io.jasyncio.maven;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the last weave left in a classes directory: for each class file, the size and modification time
 * it had afterwards. A file that still matches was not recompiled, so it is not read again; javac
 * rewriting a class changes its stamp and sends it back through the weaver.
 */
final class WeaveState {
    private final Path file;
    private final Map<String, String> previous;
    private final Map<String, String> current = new TreeMap<>();

    private WeaveState(Path file, Map<String, String> previous) {
        this.file = file;
        this.previous = previous;
    }

    /** Loads the state file; a missing or unreadable one means a full weave, never a failure. */
    static WeaveState load(Path file) {
        Map<String, String> entries = new HashMap<>();
        if (Files.isRegularFile(file)) {
            Properties props = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
                for (String key : props.stringPropertyNames()) {
                    entries.put(key, props.getProperty(key));
                }
            } catch (IOException | IllegalArgumentException e) {
                entries.clear();
            }
        }
        return new WeaveState(file, entries);
    }

    /** True when the class file carries the stamp recorded after the last weave; records it for the next. */
    boolean isUnchanged(String relativePath, Path classFile) throws IOException {
        String stamp = stamp(classFile);
        if (stamp.equals(previous.get(relativePath))) {
            current.put(relativePath, stamp);
            return true;
        }
        return false;
    }

    /** Records a class file as it is now, after weaving (or after deciding it needs none). */
    void record(String relativePath, Path classFile) throws IOException {
        current.put(relativePath, stamp(classFile));
    }

    /** Writes the entries recorded in this run; classes deleted since the last run drop out. */
    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            // Properties.store would add a timestamp comment and reorder; keep the file stable.
            out.write("# jasyncio weave state: class file -> size:mtime after weaving\n");
            for (Map.Entry<String, String> e : current.entrySet()) {
                out.write(escape(e.getKey()));
                out.write('=');
                out.write(e.getValue());
                out.write('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String stamp(Path classFile) throws IOException {
        return Files.size(classFile) + ":" + Files.getLastModifiedTime(classFile).toMillis();
    }

    private static String escape(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' || c == '=' || c == ':' || c == ' ' || c == '#' || c == '!') {
                sb.append('\\');
            }
            if (c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
