package io.jasyncio.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses class files by Ant-style patterns over their path relative to the classes directory
 * ({@code com/acme/**}, {@code **}{@code /*Test.class}, {@code com/acme/Foo.class}): {@code *} and {@code ?}
 * stay within one path segment, {@code **} spans any number of segments, including none. A pattern
 * ending in {@code /} means everything below that directory, as in Ant.
 */
final class PathSelector {
    private final List<String[]> includes;
    private final List<String[]> excludes;

    /** Null or empty includes select every path. */
    PathSelector(List<String> includes, List<String> excludes) {
        this.includes = compile(includes);
        this.excludes = compile(excludes);
    }

    /** @param relativePath a path using {@code /} as separator, relative to the classes directory */
    boolean isSelected(String relativePath) {
        String[] path = relativePath.split("/");
        if (!includes.isEmpty() && !matchesAny(includes, path)) {
            return false;
        }
        return !matchesAny(excludes, path);
    }

    private static boolean matchesAny(List<String[]> patterns, String[] path) {
        for (String[] pattern : patterns) {
            if (matchSegments(pattern, 0, path, 0)) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> compile(List<String> patterns) {
        List<String[]> compiled = new ArrayList<>();
        if (patterns == null) {
            return compiled;
        }
        for (String raw : patterns) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String pattern = raw.trim().replace('\\', '/');
            while (pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            if (pattern.endsWith("/")) {
                pattern = pattern + "**";
            }
            compiled.add(pattern.split("/+"));
        }
        return compiled;
    }

    private static boolean matchSegments(String[] pattern, int p, String[] path, int s) {
        while (p < pattern.length) {
            if (pattern[p].equals("**")) {
                // "**" absorbs zero or more whole segments: try every split point.
                for (int skip = s; skip <= path.length; skip++) {
                    if (matchSegments(pattern, p + 1, path, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (s == path.length || !matchSegment(pattern[p], path[s])) {
                return false;
            }
            p++;
            s++;
        }
        return s == path.length;
    }

    /** Glob match of one segment: {@code *} any run of characters, {@code ?} exactly one. */
    static boolean matchSegment(String glob, String name) {
        int g = 0;
        int n = 0;
        int starG = -1;
        int starN = 0;
        while (n < name.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
                g++;
                n++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                starG = g++;
                starN = n;
            } else if (starG >= 0) {
                g = starG + 1;
                n = ++starN;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
