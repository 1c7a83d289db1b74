package io.jasyncio.it.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a diverging program to a small one that still diverges the same way: greedily deletes helper
 * methods and statements, replaces compound statements by one of their blocks, expressions by a constant
 * or by a sub-expression of the same type, and awaits by what they await, biggest cuts first, until no
 * single cut keeps the divergence. Candidates that no longer compile simply do not count.
 */
final class Shrinker {
    private final Predicate<Program> stillFails;
    private final int maxAttempts;
    private int attempts;

    Shrinker(Predicate<Program> stillFails, int maxAttempts) {
        this.stillFails = stillFails;
        this.maxAttempts = maxAttempts;
    }

    Program shrink(Program program) {
        Program current = program;
        boolean progress = true;
        while (progress && attempts < maxAttempts) {
            progress = false;
            for (Program candidate : candidates(current)) {
                if (attempts++ >= maxAttempts) {
                    break;
                }
                if (candidate.size() < current.size() && stillFails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    int attempts() {
        return attempts;
    }

    private record Cut(Program result, int removed) {
    }

    private static List<Program> candidates(Program p) {
        List<Cut> cuts = new ArrayList<>();
        for (int m = 0; m < p.methods.size() - 1; m++) {   // helpers only: the last method is the entry point
            cuts.add(new Cut(p.without(m), p.methods.get(m).body().size()));
        }
        for (int m = 0; m < p.methods.size(); m++) {
            Node body = p.methods.get(m).body();
            int method = m;
            body.forEach(node -> {
                for (Node replacement : replacements(node)) {
                    cuts.add(new Cut(p.withBody(method, body.replace(node, replacement)), node.size() - replacement.size()));
                }
            });
        }
        cuts.sort(Comparator.comparingInt(Cut::removed).reversed());
        return cuts.stream().map(Cut::result).toList();
    }

    private static List<Node> replacements(Node node) {
        List<Node> out = new ArrayList<>();
        switch (node.kind) {
            case BLOCK -> {
                // the last statement of a method body is its return: keep it
                for (int i = 0; i < node.kids.size(); i++) {
                    if (node.kids.get(i).toString().startsWith("return completed(") && i == node.kids.size() - 1) {
                        continue;
                    }
                    List<Node> fewer = new ArrayList<>(node.kids);
                    fewer.remove(i);
                    out.add(node.withKids(fewer));
                }
            }
            case STMT -> node.kids.stream().filter(k -> k.kind == Node.Kind.BLOCK).forEach(out::add);
            case AWAIT -> out.add(node.kids.get(0));
            case EXPR -> {
                if (node.type != null) {
                    if (!node.toString().equals(node.type.zero())) {
                        out.add(Node.expr(node.type, node.type.zero()));
                    }
                    node.kids.stream().filter(k -> k.type == node.type).forEach(out::add);
                }
            }
            default -> {
            }
        }
        return out;
    }
}
