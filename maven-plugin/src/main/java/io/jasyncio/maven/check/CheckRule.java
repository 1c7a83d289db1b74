package io.jasyncio.maven.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;

/** One of the checker's rules: walks a parsed file and reports what it finds. */
interface CheckRule {
    /** Receives a rule's findings; the position comes from the node. */
    interface Sink {
        void report(Rule rule, Node at, String message, String fix);
    }

    void check(CompilationUnit unit, Symbols symbols, Sink sink);
}
