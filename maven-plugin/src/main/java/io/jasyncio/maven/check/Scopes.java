package io.jasyncio.maven.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.SynchronizedStmt;

import java.util.Optional;

/**
 * Where a piece of code runs: which body it belongs to (an {@code @Async} method, a plain method, a
 * lambda that runs whenever its caller decides), and whether a monitor is held there.
 */
final class Scopes {
    private static final String ASYNC = "io.jasyncio.Async";

    private Scopes() {
    }

    /**
     * The innermost body holding {@code node}: a method, constructor, lambda, initializer or field
     * initializer. A lambda counts on its own: its code is not part of the method that creates it.
     */
    static Optional<Node> enclosingBody(Node node) {
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent()) {
            Node p = parent.get();
            if (isBody(p)) {
                return parent;
            }
            parent = p.getParentNode();
        }
        return Optional.empty();
    }

    private static boolean isBody(Node n) {
        return n instanceof MethodDeclaration || n instanceof ConstructorDeclaration || n instanceof LambdaExpr
                || n instanceof InitializerDeclaration || n instanceof FieldDeclaration
                || n instanceof CompactConstructorDeclaration || n instanceof AnnotationMemberDeclaration
                || n instanceof TypeDeclaration;
    }

    /** True when {@code node} runs as part of an {@code @Async} method's own body (not in a lambda within it). */
    static boolean inAsyncMethod(Node node) {
        return enclosingBody(node).map(Scopes::isAsyncMethod).orElse(false);
    }

    static boolean isAsyncMethod(Node body) {
        if (!(body instanceof MethodDeclaration)) {
            return false;
        }
        for (AnnotationExpr annotation : ((MethodDeclaration) body).getAnnotations()) {
            if (isJasyncioAsync(annotation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an annotation is jasyncio's {@code @Async}, by name: other libraries have an {@code @Async}
     * too (Spring's), so a simple name counts unless the file imports a different {@code Async} by name.
     */
    static boolean isJasyncioAsync(AnnotationExpr annotation) {
        String name = annotation.getNameAsString();
        if (name.equals(ASYNC)) {
            return true;
        }
        if (!name.equals("Async")) {
            return false;
        }
        Optional<CompilationUnit> cu = annotation.findCompilationUnit();
        if (cu.isEmpty()) {
            return true;
        }
        for (ImportDeclaration imp : cu.get().getImports()) {
            if (!imp.isStatic() && !imp.isAsterisk() && imp.getName().getIdentifier().equals("Async")) {
                return imp.getNameAsString().equals(ASYNC);
            }
        }
        return true;
    }

    /** The {@code synchronized} block or method holding a monitor at {@code node}, within its body. */
    static Optional<Node> heldMonitor(Node node) {
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent()) {
            Node p = parent.get();
            if (p instanceof SynchronizedStmt) {
                return parent;
            }
            if (isBody(p)) {
                if (p instanceof MethodDeclaration && ((MethodDeclaration) p).isSynchronized()) {
                    return parent;
                }
                return Optional.empty();
            }
            parent = p.getParentNode();
        }
        return Optional.empty();
    }

    /**
     * True when a declaration around {@code node} says {@code @SuppressWarnings("jasyncio:rule-id")} or
     * {@code @SuppressWarnings("jasyncio")}: the escape hatch for a deliberate exception to a rule.
     */
    static boolean isSuppressed(Node node, Rule rule) {
        String specific = "jasyncio:" + rule.id();
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
            if (!(n instanceof NodeWithAnnotations)) {
                continue;
            }
            for (AnnotationExpr annotation : ((NodeWithAnnotations<?>) n).getAnnotations()) {
                String name = annotation.getNameAsString();
                if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) {
                    continue;
                }
                Expression value = null;
                if (annotation instanceof SingleMemberAnnotationExpr) {
                    value = ((SingleMemberAnnotationExpr) annotation).getMemberValue();
                } else if (annotation instanceof NormalAnnotationExpr) {
                    for (MemberValuePair pair : ((NormalAnnotationExpr) annotation).getPairs()) {
                        if (pair.getNameAsString().equals("value")) {
                            value = pair.getValue();
                        }
                    }
                }
                if (mentions(value, specific)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentions(Expression value, String specific) {
        if (value instanceof StringLiteralExpr) {
            String s = ((StringLiteralExpr) value).asString();
            return s.equals(specific) || s.equals("jasyncio");
        }
        if (value instanceof ArrayInitializerExpr) {
            for (Expression e : ((ArrayInitializerExpr) value).getValues()) {
                if (mentions(e, specific)) {
                    return true;
                }
            }
        }
        return false;
    }
}
