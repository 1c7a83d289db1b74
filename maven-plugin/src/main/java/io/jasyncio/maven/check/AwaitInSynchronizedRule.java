package io.jasyncio.maven.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;

import java.util.Optional;

/** A monitor must never be held across a suspension: the loop thread would run other tasks while holding it. */
final class AwaitInSynchronizedRule implements CheckRule {
    @Override
    public void check(CompilationUnit unit, Symbols symbols, Sink sink) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (!symbols.isAwait(call)) {
                continue;
            }
            Optional<Node> monitor = Scopes.heldMonitor(call);
            if (monitor.isPresent()) {
                String what = monitor.get() instanceof SynchronizedStmt ? "block" : "method";
                sink.report(Rule.AWAIT_IN_SYNCHRONIZED, call,
                        "await(...) inside a synchronized " + what + ": the monitor would stay held while the task is suspended",
                        "move the await out of the synchronized " + what + ", or guard the state with a jasyncio Lock");
            }
        }
    }
}
