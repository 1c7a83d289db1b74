package io.jasyncio.maven.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves calls through JavaParser's symbol solver, and never fails: whatever cannot be resolved (a
 * missing jar, an unsupported construct, a solver bug) comes back empty so rules fall back on names.
 * One instance per compilation unit; answers are cached because several rules ask about the same call.
 */
final class Symbols {
    static final String ASYNCIO = "io.jasyncio.Asyncio";
    static final String COROUTINE = "io.jasyncio.Coroutine";

    /** A resolved method: where it is declared and what it returns, each with its supertypes. */
    final class Target {
        private final ResolvedMethodDeclaration method;

        private Target(ResolvedMethodDeclaration method) {
            this.method = method;
        }

        String name() {
            return method.getName();
        }

        String declaringType() {
            return method.declaringType().getQualifiedName();
        }

        /** The declaring type and every supertype it has, by qualified name. */
        Set<String> declaringHierarchy() {
            return hierarchy(method.declaringType());
        }

        /** The qualified names of the return type and its supertypes; empty for primitives, void and type variables. */
        Set<String> returnHierarchy() {
            try {
                ResolvedType type = method.getReturnType();
                if (type.isReferenceType()) {
                    ResolvedReferenceType ref = type.asReferenceType();
                    Optional<ResolvedReferenceTypeDeclaration> decl = ref.getTypeDeclaration();
                    return decl.isPresent() ? hierarchy(decl.get()) : Set.of(ref.getQualifiedName());
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // unresolvable return type: the rule falls back on names
            }
            return Set.of();
        }

        /** True when the method is declared in source with jasyncio's {@code @Async}. */
        boolean isAsync() {
            try {
                Optional<Node> ast = method.toAst().map(n -> (Node) n);
                if (ast.isPresent() && ast.get() instanceof MethodDeclaration) {
                    for (AnnotationExpr a : ((MethodDeclaration) ast.get()).getAnnotations()) {
                        if (Scopes.isJasyncioAsync(a)) {
                            return true;
                        }
                    }
                }
            } catch (RuntimeException e) {
                // not from source
            }
            return false;
        }
    }

    private final Map<MethodCallExpr, Optional<Target>> calls = new IdentityHashMap<>();
    private final Map<String, Set<String>> hierarchies = new HashMap<>();

    Optional<Target> resolve(MethodCallExpr call) {
        return calls.computeIfAbsent(call, c -> {
            try {
                return Optional.of(new Target(c.resolve()));
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                return Optional.empty();
            }
        });
    }

    /** The qualified name of the class a {@code new} expression instantiates, when it resolves. */
    Optional<String> resolveCreatedType(ObjectCreationExpr creation) {
        try {
            return Optional.of(creation.getType().resolve().asReferenceType().getQualifiedName());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code call} is jasyncio's {@code await}. Unresolved, it is one with a single argument
     * that is unqualified (a static import) or qualified by {@code Asyncio}: {@code latch.await()} is not.
     */
    boolean isAwait(MethodCallExpr call) {
        if (!call.getNameAsString().equals("await") || call.getArguments().size() != 1) {
            return false;
        }
        Optional<Target> target = resolve(call);
        if (target.isPresent()) {
            try {
                return target.get().declaringType().equals(ASYNCIO);
            } catch (RuntimeException e) {
                // fall through to names
            }
        }
        return call.getScope().map(Symbols::namesAsyncio).orElse(true);
    }

    static boolean namesAsyncio(Expression scope) {
        String text = scope.toString();
        return text.equals("Asyncio") || text.equals(ASYNCIO);
    }

    static boolean isNamed(Expression scope, String simpleName, String qualifiedName) {
        if (scope instanceof NameExpr || scope.isFieldAccessExpr()) {
            String text = scope.toString();
            return text.equals(simpleName) || text.equals(qualifiedName);
        }
        return false;
    }

    private Set<String> hierarchy(ResolvedReferenceTypeDeclaration type) {
        String name = type.getQualifiedName();
        Set<String> cached = hierarchies.get(name);
        if (cached != null) {
            return cached;
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        try {
            for (ResolvedReferenceType ancestor : type.getAllAncestors()) {
                names.add(ancestor.getQualifiedName());
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // a supertype outside the class path: keep what resolved
        }
        Set<String> result = Collections.unmodifiableSet(names);
        hierarchies.put(name, result);
        return result;
    }
}
