package io.jasyncio.it.fuzz;

import static io.jasyncio.it.fuzz.Node.expr;
import static io.jasyncio.it.fuzz.Node.stmt;
import static io.jasyncio.it.fuzz.Type.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random, always-terminating programs of {@code @Async} methods: awaits at random depths of
 * typed expressions (every primitive, String, nulls, arrays, string concatenation, constructors with
 * awaited arguments, ternaries, short-circuits, switch expressions, calls of other coroutines), and
 * statements around them (locals of every type, definitely-unassigned locals, all loop kinds, switches on
 * int/String/enum, try/catch/finally, try-with-resources, break/continue/return/throw).
 *
 * <p>Termination is by construction: loops count to a small constant in their header, which is text the
 * shrinker never edits, and a helper's recursion decreases a parameter nothing assigns.
 */
final class ProgramGenerator {
    private static final int MAX_NESTING = 3;
    private static final boolean MERGED_TYPES = Boolean.getBoolean("jasyncio.fuzz.mergedTypes");

    private record Var(String name, Type type, boolean assignable) {
    }

    private record Helper(String name, Type result, List<Type> params) {
    }

    private final Random r;
    private int site;
    private int throwId;
    private final List<Helper> helpers = new ArrayList<>();

    // per method
    private final List<Var> scope = new ArrayList<>();
    private int names;
    private int loops;
    private int breakables;
    private int budget;
    private Type returns;
    private Helper self;

    ProgramGenerator(long seed) {
        this.r = new Random(seed);
    }

    Program generate(String className) {
        List<Program.Method> methods = new ArrayList<>();
        int helperCount = r.nextInt(3);
        for (int k = 0; k < helperCount; k++) {
            List<Type> params = new ArrayList<>();
            params.add(Type.INT);
            for (int i = r.nextInt(3); i > 0; i--) {
                params.add(Type.any(r));
            }
            Helper h = new Helper("h" + k, pick(r, Type.LONG, Type.STRING), params);
            StringBuilder header = new StringBuilder("@Async static Coroutine<" + h.result().boxed + "> " + h.name()
                    + "(AsyncSrc src, StringBuilder log, int n");
            List<Var> vars = new ArrayList<>();
            vars.add(new Var("n", Type.INT, false));   // the recursion depth: never assigned
            for (int i = 1; i < params.size(); i++) {
                header.append(", ").append(params.get(i).java).append(" a").append(i);
                vars.add(new Var("a" + i, params.get(i), true));
            }
            header.append(')');
            methods.add(new Program.Method(header.toString(), body(vars, h.result(), h)));
            helpers.add(h);
        }
        List<Var> entry = List.of(new Var("p0", Type.INT, true), new Var("p1", Type.LONG, true),
                new Var("p2", Type.DOUBLE, true), new Var("p3", Type.STRING, true), new Var("p4", Type.BOOLEAN, true));
        methods.add(new Program.Method("@Async public static Coroutine<String> run(AsyncSrc src, StringBuilder log, "
                + Program.ENTRY_PARAMS + ")", body(entry, Type.STRING, null)));
        return new Program(className, methods);
    }

    // ---------------------------------------------------------------- statements

    private Node body(List<Var> params, Type result, Helper helper) {
        scope.clear();
        scope.addAll(params);
        names = 0;
        loops = 0;
        breakables = 0;
        returns = result;
        self = helper;
        budget = 3 + r.nextInt(12);
        List<Node> stmts = new ArrayList<>();
        while (budget > 0) {
            stmts.add(statement(0));
        }
        stmts.add(dumpLocals());
        stmts.add(stmt("return completed(", expression(result, 2), ");"));
        return Node.block(stmts);
    }

    /** Logs every local in scope, so a local corrupted across a suspension shows in the outcome. */
    private Node dumpLocals() {
        StringBuilder sb = new StringBuilder("log.append(\"end:\")");
        for (Var v : scope) {
            if (v.type() != Type.AWAITABLE_INT && v.type() != Type.AWAITABLE_STRING) {
                sb.append(".append(").append(v.name()).append(").append(',')");
            }
        }
        return stmt(sb.append(".append(';');").toString());
    }

    private Node block(int nesting) {
        int mark = scope.size();
        List<Node> stmts = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            stmts.add(statement(nesting));
        }
        scope.subList(mark, scope.size()).clear();
        return Node.block(stmts);
    }

    private Node statement(int nesting) {
        budget--;
        boolean compound = nesting < MAX_NESTING && budget > 0;
        for (;;) {
            int c = r.nextInt(100);
            if (c < 18) {
                return MERGED_TYPES && r.nextInt(4) == 0 ? mergedDeclaration() : declaration();
            } else if (c < 26) {
                Node s = assignment();
                if (s != null) {
                    return s;
                }
            } else if (c < 38) {
                return stmt("log.append(", pinned(Type.any(r), 2), ").append(';');");
            } else if (c < 41) {
                return stmt(bareAwait(Type.any(r), 2), ";");
            } else if (c < 44) {
                return r.nextBoolean() ? splitDeclaration(nesting) : deferredDeclaration();
            } else if (c < 48) {
                return stmt("if (", expression(Type.BOOLEAN, 2), ") throw new FuzzException(", ++throwId, ");");
            } else if (c < 52 && breakables > 0) {
                return stmt("if (", expression(Type.BOOLEAN, 2), ") ", loops > 0 && r.nextBoolean() ? "continue;" : "break;");
            } else if (c < 55) {
                return stmt("if (", expression(Type.BOOLEAN, 2), ") return completed(", expression(returns, 2), ");");
            } else if (!compound) {
                continue;
            } else if (c < 65) {
                return r.nextInt(3) == 0
                        ? stmt("if (", expression(Type.BOOLEAN, 3), ") ", block(nesting + 1))
                        : stmt("if (", expression(Type.BOOLEAN, 3), ") ", block(nesting + 1), " else ", block(nesting + 1));
            } else if (c < 75) {
                return loop(nesting);
            } else if (c < 82) {
                return switchStatement(nesting);
            } else if (c < 95) {
                return tryStatement(nesting);
            } else if (c < 97) {
                int id = ++throwId;
                String res = "r" + names++;
                return stmt("try (FuzzLib.Res ", res, " = new FuzzLib.Res(log, ", id, ")) ", block(nesting + 1));
            } else {
                // "async with": the close is an await (its own site) that may suspend, fail or be cancelled;
                // closeWins gives the twin Python's rule for a close failing while the body fails
                String res = "r" + names++;
                int at = site++;
                Node body = block(nesting + 1);
                Node asyncWith = stmt("try { try (FuzzLib.ARes ", res, " = new FuzzLib.ARes(log, ", at, ", src)) ", body,
                        " } catch (Throwable t", res, ") { throw src.closeWins(", at, ", t", res, "); }");
                return r.nextBoolean() ? asyncWith
                        : stmt("try { ", asyncWith, " } catch (FuzzException x", res, ") { log.append(\"ac\").append(x", res,
                                ".id).append(';'); }");
            }
        }
    }

    private Node declaration() {
        Type t = Type.any(r);
        Node init = expression(t, 2);
        String name = "v" + names++;
        scope.add(new Var(name, t, true));
        return stmt(t.java, " ", name, " = ", init, ";");
    }

    private Node mergedDeclaration() {
        String name = "v" + names++;
        Node s = stmt("CharSequence ", name, " = ", expression(Type.BOOLEAN, 1), " ? new StringBuilder(\"b\") : new StringBuffer(\"f\");");
        scope.add(new Var(name, Type.CHARSEQ, false));
        return s;
    }

    /** {@code Awaitable<Integer> v = src.li(site, e);}: awaited later, possibly after awaitables created after it. */
    private Node deferredDeclaration() {
        boolean ints = r.nextBoolean();
        Type t = ints ? Type.AWAITABLE_INT : Type.AWAITABLE_STRING;
        String name = "w" + names++;
        Node s = stmt(t.java, " ", name, " = src.", t.src, "(", site++, ", ", expression(ints ? Type.INT : Type.STRING, 2), ");");
        scope.add(new Var(name, t, false));
        return s;
    }

    /** {@code T v; <a statement>; v = e;}: v is definitely unassigned at every await in between. */
    private Node splitDeclaration(int nesting) {
        Type t = Type.any(r);
        String name = "v" + names++;
        Node between = statementWithoutDeclarations(nesting);
        Node init = expression(t, 2);
        scope.add(new Var(name, t, true));
        return stmt(t.java, " ", name, "; ", between, " ", name, " = ", init, ";");
    }

    private Node statementWithoutDeclarations(int nesting) {
        int mark = scope.size();
        Node s = Node.block(List.of(statement(Math.max(nesting, MAX_NESTING - 1))));
        scope.subList(mark, scope.size()).clear();
        return s;
    }

    private Node assignment() {
        List<Var> targets = scope.stream().filter(Var::assignable).toList();
        if (targets.isEmpty()) {
            return null;
        }
        Var v = targets.get(r.nextInt(targets.size()));
        boolean compound = (v.type() == Type.INT || v.type() == Type.LONG || v.type() == Type.DOUBLE
                || v.type() == Type.STRING) && r.nextBoolean();
        return compound
                ? stmt(v.name(), " += ", expression(v.type(), 2), ";")
                : stmt(v.name(), " = ", expression(v.type(), 2), ";");
    }

    private Node loop(int nesting) {
        int bound = 1 + r.nextInt(3);
        String i = "i" + names++;
        int mark = scope.size();
        Node s;
        loops++;
        breakables++;
        switch (r.nextInt(6)) {
            case 0 -> {
                scope.add(new Var(i, Type.INT, false));
                s = stmt("for (int ", i, " = 0; ", i, " < ", bound, "; ", i, "++) ", block(nesting + 1));
            }
            case 1 -> {   // the condition awaits on every iteration
                Node limit = awaitOf(Type.INT, 0);
                scope.add(new Var(i, Type.INT, false));
                s = stmt("for (int ", i, " = 0; ", i, " < Math.min(", limit, ", 3); ", i, "++) ", block(nesting + 1));
            }
            case 2 -> {
                Type t = Type.any(r);
                Node array = arrayOf(t, bound, 2);
                scope.add(new Var(i, t, false));
                s = stmt("for (", t.java, " ", i, " : ", array, ") ", block(nesting + 1));
            }
            case 3 -> {
                Type t = Type.any(r);
                List<Object> pieces = new ArrayList<>(List.of("for (", t.java, " ", i, " : java.util.Arrays.<", t.boxed, ">asList("));
                for (int k = 0; k < bound; k++) {
                    pieces.add(k == 0 ? "" : ", ");
                    pieces.add(expression(t, 2));
                }
                pieces.add(")) ");
                scope.add(new Var(i, t, false));
                pieces.add(block(nesting + 1));
                s = stmt(pieces.toArray());
            }
            case 4 -> s = stmt("{ int ", i, " = 0; while (", i, "++ < ", bound, ") ", block(nesting + 1), " }");
            default -> s = stmt("{ int ", i, " = 0; do ", block(nesting + 1), " while (", i, "++ < ", bound - 1,
                    " && ", expression(Type.BOOLEAN, 1), "); }");
        }
        loops--;
        breakables--;
        scope.subList(mark, scope.size()).clear();
        return s;
    }

    private Node switchStatement(int nesting) {
        Node selector = expression(Type.INT, 2);
        breakables++;
        Node s = switch (r.nextInt(4)) {
            case 0 -> stmt("switch (Math.floorMod(+(", selector, "), 3)) { case 0: ", block(nesting + 1),
                    " break; case 1: ", block(nesting + 1), " default: ", block(nesting + 1), " }");
            case 1 -> stmt("switch (Math.floorMod(+(", selector, "), 3)) { case 0 -> ", block(nesting + 1),
                    " case 2 -> ", block(nesting + 1), " default -> ", block(nesting + 1), " }");
            case 2 -> stmt("switch (String.valueOf(Math.floorMod(+(", selector, "), 3))) { case \"0\": ",
                    block(nesting + 1), " break; case \"2\": ", block(nesting + 1), " break; default: ", block(nesting + 1), " }");
            default -> stmt("switch (FuzzLib.E.values()[Math.floorMod(+(", selector, "), 3)]) { case A: ",
                    block(nesting + 1), " break; case C: ", block(nesting + 1), " default: ", block(nesting + 1), " }");
        };
        breakables--;
        return s;
    }

    private Node tryStatement(int nesting) {
        String x = "x" + names++;
        Node body = block(nesting + 1);
        Node onFuzz = stmt("catch (FuzzException ", x, ") { log.append(\"c\").append(", x, ".id).append(';'); ",
                block(nesting + 1), " }");
        return switch (r.nextInt(5)) {
            case 0 -> stmt("try ", body, " ", onFuzz);
            case 1 -> stmt("try ", body, " finally ", block(nesting + 1));
            case 2 -> stmt("try ", body, " ", onFuzz, " finally ", block(nesting + 1));
            case 3 -> stmt("try ", body, " ", onFuzz, " catch (RuntimeException y", x, ") { log.append(\"r;\"); ",
                    block(nesting + 1), " }");
            default -> stmt("try ", body, " catch (FuzzException | IllegalStateException ", x,
                    ") { log.append(\"m;\"); ", block(nesting + 1), " }");
        };
    }

    // ---------------------------------------------------------------- expressions

    /**
     * {@code (T) await(src.x(site, e))}. Awaits, ternaries, switch expressions and coroutine calls are cast to
     * their type so none is a poly expression: javac re-attributes a poly argument for every overload
     * candidate around it, which is exponential in the nesting and made compiling programs take seconds.
     */
    private Node awaitOf(Type t, int depth) {
        return cast(t, bareAwait(t, depth));
    }

    private Node bareAwait(Type t, int depth) {
        return Node.of(Node.Kind.AWAIT, t, "await(src.", t.src, "(", site++, ", ", expression(t, depth), "))");
    }

    private static Node cast(Type t, Node e) {
        return expr(t, "((", t.java, ") ", e, ")");
    }

    private Node arrayOf(Type t, int length, int depth) {
        List<Object> pieces = new ArrayList<>(List.of("new ", t.java, "[] {"));
        for (int k = 0; k < length; k++) {
            pieces.add(k == 0 ? "" : ", ");
            pieces.add(expression(t, depth));
        }
        pieces.add("}");
        return expr(t, pieces.toArray());
    }

    private Node leaf(Type t) {
        List<Var> vars = scope.stream().filter(v -> v.type() == t).toList();
        if (!vars.isEmpty() && r.nextInt(3) > 0) {
            return expr(t, vars.get(r.nextInt(vars.size())).name());
        }
        return expr(t, t.literal(r));
    }

    Node expression(Type t, int depth) {
        if (depth <= 0 || r.nextInt(10) < 3) {
            return r.nextInt(4) == 0 ? awaitOf(t, 0) : leaf(t);
        }
        int d = depth - 1;
        int c = r.nextInt(100);
        if (c < 22) {
            return awaitOf(t, d);
        } else if (c < 30) {
            return cast(t, expr(t, "(", expression(Type.BOOLEAN, d), " ? ", expression(t, d), " : ", expression(t, d), ")"));
        } else if (c < 36) {
            return cast(t, expr(t, "(switch (Math.floorMod(+(", expression(Type.INT, d), "), 3)) { case 0 -> ", expression(t, d),
                    "; case 1 -> ", expression(t, d), "; default -> ", expression(t, d), "; })"));
        } else if (c < 41) {
            return expr(t, arrayOf(t, 3, d), "[Math.floorMod(+(", expression(Type.INT, d), "), 3)]");
        } else if (c < 48) {
            Node call = helperCall(t, d);
            if (call != null) {
                return call;
            }
        } else if (c < 56 && (t == Type.INT || t == Type.STRING)) {
            Type w = t == Type.INT ? Type.AWAITABLE_INT : Type.AWAITABLE_STRING;
            List<Var> pending = scope.stream().filter(v -> v.type() == w).toList();
            if (!pending.isEmpty()) {
                return cast(t, expr(t, "await(", pending.get(r.nextInt(pending.size())).name(), ")"));
            }
        }
        return typed(t, d);
    }

    /** {@code await(hK(...))}: a coroutine awaited as a child frame, recursive when it is the helper itself. */
    private Node helperCall(Type t, int d) {
        if (self != null && self.result() == t && r.nextBoolean()) {
            return cast(t, expr(t, "(n > 0 ? ((", t.java, ") await(", self.name(), "(src, log, n - 1", arguments(self, d), "))) : ",
                    expression(t, 0), ")"));
        }
        List<Helper> fit = helpers.stream().filter(h -> h.result() == t && h != self).toList();
        if (fit.isEmpty()) {
            return null;
        }
        Helper h = fit.get(r.nextInt(fit.size()));
        return cast(t, expr(t, "await(", h.name(), "(src, log, Math.floorMod(+(", expression(Type.INT, d), "), 3)", arguments(h, d), "))"));
    }

    private Node arguments(Helper h, int d) {
        List<Object> pieces = new ArrayList<>();
        for (int i = 1; i < h.params().size(); i++) {
            pieces.add(", ");
            pieces.add(expression(h.params().get(i), d));
        }
        pieces.add("");
        return expr(null, pieces.toArray());
    }

    /**
     * {@code (T) (e)}: an expression whose type is fixed before overload resolution, where an awaited
     * (generic, boxed) value would make {@code append}, {@code valueOf} or {@code ==} ambiguous or
     * compare references.
     */
    private Node pinned(Type t, int depth) {
        return expr(t, "(", t.java, ") (", expression(t, depth), ")");
    }

    /** Productions particular to one type. Casts apply to {@code +(e)} so an awaited (boxed) value unboxes first. */
    private Node typed(Type t, int d) {
        switch (t) {
            case INT:
                return switch (r.nextInt(6)) {
                    case 0, 1 -> expr(t, "(", expression(Type.INT, d), pick(r, " + ", " - ", " * ", " ^ ", " & ", " | "), expression(Type.INT, d), ")");
                    case 2 -> expr(t, "Math.max(+(", expression(Type.INT, d), "), +(", expression(Type.INT, d), "))");
                    case 3 -> expr(t, "String.valueOf(", expression(Type.STRING, d), ").length()");
                    case 4 -> expr(t, "new FuzzLib.IntPair(", expression(Type.INT, d), ", ", expression(Type.INT, d), ").v");
                    default -> expr(t, "(int) +(", expression(pick(r, Type.LONG, Type.DOUBLE, Type.CHAR), d), ")");
                };
            case LONG:
                return switch (r.nextInt(5)) {
                    case 0, 1 -> expr(t, "(", expression(Type.LONG, d), pick(r, " + ", " - ", " * ", " ^ "),
                            expression(pick(r, Type.LONG, Type.INT), d), ")");
                    case 2 -> expr(t, "FuzzLib.sum(", expression(Type.INT, d), ", ", expression(Type.INT, d), ", ", expression(Type.INT, d), ")");
                    case 3 -> expr(t, "FuzzLib.mix(", expression(Type.INT, d), ", ", expression(Type.LONG, d), ", ", expression(Type.DOUBLE, d), ")");
                    default -> expr(t, "(long) +(", expression(Type.DOUBLE, d), ")");
                };
            case DOUBLE:
                return r.nextInt(3) == 0
                        ? expr(t, "Math.abs(+(", expression(Type.DOUBLE, d), "))")
                        : expr(t, "(", expression(Type.DOUBLE, d), pick(r, " + ", " - ", " * "),
                                expression(pick(r, Type.DOUBLE, Type.INT, Type.LONG, Type.FLOAT), d), ")");
            case FLOAT:
                return r.nextBoolean()
                        ? expr(t, "(", expression(Type.FLOAT, d), pick(r, " + ", " * "), expression(Type.INT, d), ")")
                        : expr(t, "(float) +(", expression(Type.DOUBLE, d), ")");
            case BOOLEAN:
                return switch (r.nextInt(6)) {
                    case 0, 1 -> expr(t, "(", pinned(pick(r, Type.INT, Type.LONG, Type.DOUBLE), d), pick(r, " < ", " >= ", " == "),
                            pinned(pick(r, Type.INT, Type.LONG), d), ")");
                    case 2 -> expr(t, "(", expression(Type.BOOLEAN, d), " && ", expression(Type.BOOLEAN, d), ")");
                    case 3 -> expr(t, "(", expression(Type.BOOLEAN, d), " || ", expression(Type.BOOLEAN, d), ")");
                    case 4 -> expr(t, "(!", expression(Type.BOOLEAN, d), ")");
                    default -> expr(t, "(", expression(Type.STRING, d), " == null)");
                };
            case CHAR:
                return r.nextBoolean()
                        ? expr(t, "(char) ('a' + Math.floorMod(+(", expression(Type.INT, d), "), 26))")
                        : expr(t, "\"xyz\".charAt(Math.floorMod(+(", expression(Type.INT, d), "), 3))");
            case BYTE:
                return expr(t, "(byte) +(", expression(Type.INT, d), ")");
            case SHORT:
                return expr(t, "(short) +(", expression(Type.INT, d), ")");
            case STRING:
            default:
                List<Var> sequences = scope.stream().filter(v -> v.type() == Type.CHARSEQ).toList();
                if (!sequences.isEmpty() && r.nextInt(3) == 0) {
                    return expr(t, "String.valueOf(", sequences.get(r.nextInt(sequences.size())).name(), ")");
                }
                return switch (r.nextInt(4)) {
                    case 0, 1 -> expr(t, "(", expression(Type.STRING, d), " + ", expression(Type.any(r), d), ")");
                    case 2 -> expr(t, "String.valueOf(", pinned(Type.any(r), d), ")");
                    default -> expr(t, "new FuzzLib.Box(", expression(Type.STRING, d), ", ", expression(Type.LONG, d), ", ",
                            expression(Type.DOUBLE, d), ").s");
                };
        }
    }
}
