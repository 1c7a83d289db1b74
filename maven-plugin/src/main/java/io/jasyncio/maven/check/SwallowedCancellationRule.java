package io.jasyncio.maven.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cancelling a task throws CancellationException at the await where it is suspended. A catch clause
 * around that await which takes CancellationException or one of its supertypes and then carries on
 * turns "stop now" into "keep going": the task ignores its cancellation (Python's swallowed
 * CancelledError). Catching is fine when the block rethrows, re-requests cancellation, asks
 * {@code cancelling()}, or deliberately acknowledges it with {@code uncancel()}; and catching exactly
 * CancellationException around an await of a task held in a variable is how one observes that task's
 * cancellation, so it is not reported.
 */
final class SwallowedCancellationRule implements CheckRule {
    private static final String CANCELLATION = "CancellationException";
    private static final Set<String> CATCHES_CANCELLATION = Set.of(CANCELLATION, "IllegalStateException",
            "RuntimeException", "Exception", "Throwable");
    private static final Set<String> PACKAGES = Set.of("java.util.concurrent.", "java.lang.");

    @Override
    public void check(CompilationUnit unit, Symbols symbols, Sink sink) {
        for (TryStmt tryStmt : unit.findAll(TryStmt.class)) {
            Optional<Node> body = Scopes.enclosingBody(tryStmt);
            if (body.isEmpty() || !Scopes.isAsyncMethod(body.get()) || !awaitsIn(tryStmt, body.get(), symbols)) {
                continue;
            }
            boolean cancellationHandledEarlier = false;
            boolean awaitsHeldTasksOnly = awaitsHeldTasksOnly(tryStmt, body.get(), symbols);
            for (CatchClause clause : tryStmt.getCatchClauses()) {
                Optional<String> caught = caughtSupertype(clause);
                // "try { await(task); } catch (CancellationException e)" is how one observes a task one cancelled.
                boolean observesTask = awaitsHeldTasksOnly && caught.filter(CANCELLATION::equals).isPresent()
                        && !clause.getParameter().getType().isUnionType();
                if (caught.isPresent() && !cancellationHandledEarlier && !observesTask
                        && !propagates(clause, body.get())) {
                    sink.report(Rule.SWALLOWED_CANCELLATION, clause.getParameter().getType(),
                            "catch (" + caught.get() + " ...) around an await swallows the task's cancellation",
                            "catch CancellationException first and rethrow it, or call currentTask().uncancel() "
                                    + "when suppressing it is deliberate");
                }
                if (caught.isPresent()) {
                    // Whatever this clause does with it, later clauses never see a cancellation.
                    cancellationHandledEarlier = true;
                }
            }
        }
    }

    /** Only an await inside the try block or its resources can deliver a cancellation to these catches. */
    private static boolean awaitsIn(TryStmt tryStmt, Node body, Symbols symbols) {
        List<Node> regions = new ArrayList<>(tryStmt.getResources());
        regions.add(tryStmt.getTryBlock());
        for (Node region : regions) {
            for (MethodCallExpr call : region.findAll(MethodCallExpr.class)) {
                if (symbols.isAwait(call) && Scopes.enclosingBody(call).filter(b -> b == body).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when every await in the try block awaits a variable or field (a task or future held), not a call. */
    private static boolean awaitsHeldTasksOnly(TryStmt tryStmt, Node body, Symbols symbols) {
        boolean any = false;
        for (MethodCallExpr call : tryStmt.getTryBlock().findAll(MethodCallExpr.class)) {
            if (symbols.isAwait(call) && Scopes.enclosingBody(call).filter(b -> b == body).isPresent()) {
                Expression awaited = call.getArgument(0);
                if (!awaited.isNameExpr() && !awaited.isFieldAccessExpr()) {
                    return false;
                }
                any = true;
            }
        }
        return any && tryStmt.getResources().isEmpty();
    }

    /** The caught type (or union member) that a CancellationException would land in, if any. */
    private static Optional<String> caughtSupertype(CatchClause clause) {
        Type type = clause.getParameter().getType();
        List<Type> alternatives = type.isUnionType()
                ? new ArrayList<>(type.asUnionType().getElements())
                : List.of(type);
        for (Type alternative : alternatives) {
            if (!alternative.isClassOrInterfaceType()) {
                continue;
            }
            String name = alternative.asClassOrInterfaceType().getNameWithScope();
            String simple = name;
            for (String pkg : PACKAGES) {
                if (name.startsWith(pkg)) {
                    simple = name.substring(pkg.length());
                }
            }
            if (CATCHES_CANCELLATION.contains(simple)) {
                return Optional.of(simple);
            }
        }
        return Optional.empty();
    }

    private static boolean propagates(CatchClause clause, Node body) {
        for (ThrowStmt thrown : clause.getBody().findAll(ThrowStmt.class)) {
            if (Scopes.enclosingBody(thrown).filter(b -> b == body).isPresent()) {
                return true;
            }
        }
        for (MethodCallExpr call : clause.getBody().findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString().toLowerCase(Locale.ROOT);
            // cancelling() is how a handler asks whether the cancellation was its own (Python 3.11's idiom)
            if (name.equals("cancel") || name.equals("uncancel") || name.equals("cancelling")
                    || name.contains("throw") || name.contains("propagate")) {
                return true;
            }
        }
        return false;
    }
}
