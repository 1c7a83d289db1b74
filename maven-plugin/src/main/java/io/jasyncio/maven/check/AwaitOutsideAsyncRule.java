package io.jasyncio.maven.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;

import java.util.Optional;

/** {@code await(...)} only suspends inside an {@code @Async} method's own body; anywhere else it cannot work. */
final class AwaitOutsideAsyncRule implements CheckRule {
    @Override
    public void check(CompilationUnit unit, Symbols symbols, Sink sink) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (!symbols.isAwait(call)) {
                continue;
            }
            Optional<Node> body = Scopes.enclosingBody(call);
            if (body.isPresent() && body.get() instanceof LambdaExpr) {
                sink.report(Rule.AWAIT_OUTSIDE_ASYNC, call,
                        "await(...) inside a lambda: the lambda's body is not part of the @Async method around it",
                        "move the await out of the lambda, or have the lambda call an @Async method and await that");
            } else if (body.isEmpty() || !Scopes.isAsyncMethod(body.get())) {
                String where = body.filter(b -> b instanceof CallableDeclaration)
                        .map(b -> ((CallableDeclaration<?>) b).getNameAsString() + "()")
                        .orElse("an initializer");
                sink.report(Rule.AWAIT_OUTSIDE_ASYNC, call,
                        "await(...) in " + where + ", which is not an @Async method",
                        "mark the method @Async and return Coroutine<T> (completed(x)), or await from an @Async caller");
            }
        }
    }
}
