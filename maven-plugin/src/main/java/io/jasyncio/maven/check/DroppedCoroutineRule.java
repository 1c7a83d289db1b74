package io.jasyncio.maven.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.type.Type;

import java.util.Optional;
import java.util.Set;

/**
 * A call whose coroutine is thrown away: calling an {@code @Async} method runs nothing, so a statement
 * such as {@code download();} or {@code sleep(1);} does nothing at all (Python's "coroutine was never
 * awaited"). Any other use (await, return, assignment, argument, createTask) keeps it.
 */
final class DroppedCoroutineRule implements CheckRule {
    // Asyncio's factories that return coroutines, for when the runtime jar cannot be resolved.
    private static final Set<String> ASYNCIO_COROUTINES = Set.of("sleep", "openConnection", "startServer");

    @Override
    public void check(CompilationUnit unit, Symbols symbols, Sink sink) {
        for (ExpressionStmt statement : unit.findAll(ExpressionStmt.class)) {
            // An expression lambda's body is its value (out -> logged(out) returns the coroutine), not a statement.
            if (!statement.getExpression().isMethodCallExpr()
                    || statement.getParentNode().filter(p -> p instanceof LambdaExpr).isPresent()) {
                continue;
            }
            MethodCallExpr call = statement.getExpression().asMethodCallExpr();
            if (returnsCoroutine(call, symbols, unit)) {
                String name = call.getNameAsString();
                sink.report(Rule.DROPPED_COROUTINE, call,
                        "the coroutine returned by " + name + "(...) is dropped, so it never runs",
                        "await(" + name + "(...)) it, or schedule it with createTask(" + name + "(...))");
            }
        }
    }

    private static boolean returnsCoroutine(MethodCallExpr call, Symbols symbols, CompilationUnit unit) {
        Optional<Symbols.Target> target = symbols.resolve(call);
        if (target.isPresent()) {
            return target.get().returnHierarchy().contains(Symbols.COROUTINE) || target.get().isAsync();
        }
        Optional<Expression> scope = call.getScope();
        if (scope.isPresent() && Symbols.namesAsyncio(scope.get())
                || scope.isEmpty() && importsFromAsyncio(unit, call.getNameAsString())) {
            if (ASYNCIO_COROUTINES.contains(call.getNameAsString())) {
                return true;
            }
        }
        if (scope.isEmpty() || scope.get() instanceof ThisExpr || namesLocalType(scope.get(), unit)) {
            return declaresCoroutineMethod(unit, call.getNameAsString(), call.getArguments().size());
        }
        return false;
    }

    private static boolean importsFromAsyncio(CompilationUnit unit, String name) {
        for (ImportDeclaration imp : unit.getImports()) {
            if (imp.isStatic() && (imp.isAsterisk() && imp.getNameAsString().equals(Symbols.ASYNCIO)
                    || !imp.isAsterisk() && imp.getNameAsString().equals(Symbols.ASYNCIO + "." + name))) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesLocalType(Expression scope, CompilationUnit unit) {
        if (!scope.isNameExpr()) {
            return false;
        }
        String name = scope.asNameExpr().getNameAsString();
        return unit.findFirst(TypeDeclaration.class, t -> t.getNameAsString().equals(name)).isPresent();
    }

    /** Name-based fallback: a method of this file with that name and arity that is @Async or returns Coroutine. */
    private static boolean declaresCoroutineMethod(CompilationUnit unit, String name, int arity) {
        for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
            if (!method.getNameAsString().equals(name) || method.getParameters().size() != arity) {
                continue;
            }
            for (AnnotationExpr annotation : method.getAnnotations()) {
                if (Scopes.isJasyncioAsync(annotation)) {
                    return true;
                }
            }
            Type type = method.getType();
            if (type.isClassOrInterfaceType()) {
                String simple = type.asClassOrInterfaceType().getNameWithScope();
                if (simple.equals("Coroutine") || simple.equals(Symbols.COROUTINE)) {
                    return true;
                }
            }
        }
        return false;
    }
}
