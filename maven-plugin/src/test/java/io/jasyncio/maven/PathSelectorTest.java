package io.jasyncio.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class PathSelectorTest {
    @Test
    void noPatternsSelectEverything() {
        PathSelector all = new PathSelector(null, List.of());
        assertTrue(all.isSelected("Foo.class"));
        assertTrue(all.isSelected("a/b/Foo$1.class"));
    }

    @Test
    void doubleStarSpansZeroOrMoreDirectories() {
        PathSelector s = new PathSelector(List.of("com/acme/**"), null);
        assertTrue(s.isSelected("com/acme/Foo.class"));
        assertTrue(s.isSelected("com/acme/deep/er/Foo.class"));
        assertFalse(s.isSelected("com/acmex/Foo.class"));
        assertFalse(s.isSelected("org/Foo.class"));

        PathSelector leading = new PathSelector(List.of("**/*Handler.class"), null);
        assertTrue(leading.isSelected("Handler.class"));
        assertTrue(leading.isSelected("a/b/HttpHandler.class"));
        assertFalse(leading.isSelected("a/b/HttpHandler$1.class"));
    }

    @Test
    void singleStarAndQuestionMarkStayInOneSegment() {
        PathSelector s = new PathSelector(List.of("a/*/Foo?.class"), null);
        assertTrue(s.isSelected("a/b/Foo1.class"));
        assertFalse(s.isSelected("a/b/c/Foo1.class"));
        assertFalse(s.isSelected("a/b/Foo.class"));
        assertFalse(s.isSelected("a/b/Foo12.class"));
    }

    @Test
    void excludesWinOverIncludesAndTrailingSlashMeansTheWholeDirectory() {
        PathSelector s = new PathSelector(List.of("**"), List.of("gen/", "**/*Test.class"));
        assertTrue(s.isSelected("app/Main.class"));
        assertFalse(s.isSelected("gen/Parser.class"));
        assertFalse(s.isSelected("gen/x/Lexer.class"));
        assertFalse(s.isSelected("app/MainTest.class"));
    }

    @Test
    void backslashesAndLeadingSlashesInPatternsAreNormalised() {
        PathSelector s = new PathSelector(List.of("/com\\acme\\*.class"), null);
        assertTrue(s.isSelected("com/acme/Foo.class"));
    }
}
