package io.jasyncio.it.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node of a generated program: text pieces interleaved with child nodes ({@code parts[0] kid0 parts[1]
 * ... parts[n]}). Immutable, so the shrinker can build variants by replacing one node.
 */
final class Node {
    enum Kind {
        /** an expression with a type */ EXPR,
        /** {@code await(src.v(site, kid0))} */ AWAIT,
        /** a statement */ STMT,
        /** a braced list of statements (the kids) */ BLOCK
    }

    final Kind kind;
    final Type type;
    final List<String> parts;
    final List<Node> kids;

    private Node(Kind kind, Type type, List<String> parts, List<Node> kids) {
        if (kind != Kind.BLOCK && parts.size() != kids.size() + 1) {
            throw new IllegalArgumentException("parts must surround kids: " + parts + " / " + kids.size());
        }
        this.kind = kind;
        this.type = type;
        this.parts = List.copyOf(parts);
        this.kids = List.copyOf(kids);
    }

    /** Builds a node from alternating text and nodes: {@code of(kind, type, "(", a, " + ", b, ")")}. */
    static Node of(Kind kind, Type type, Object... pieces) {
        List<String> parts = new ArrayList<>();
        List<Node> kids = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Object p : pieces) {
            if (p instanceof Node n) {
                parts.add(text.toString());
                text.setLength(0);
                kids.add(n);
            } else {
                text.append(p);
            }
        }
        parts.add(text.toString());
        return new Node(kind, type, parts, kids);
    }

    static Node expr(Type type, Object... pieces) {
        return of(Kind.EXPR, type, pieces);
    }

    static Node stmt(Object... pieces) {
        return of(Kind.STMT, null, pieces);
    }

    static Node block(List<Node> statements) {
        return new Node(Kind.BLOCK, null, List.of(), statements);
    }

    Node withKids(List<Node> newKids) {
        return new Node(kind, type, parts, newKids);
    }

    /** This tree with {@code target} (by identity) replaced. */
    Node replace(Node target, Node replacement) {
        if (this == target) {
            return replacement;
        }
        List<Node> copy = null;
        for (int i = 0; i < kids.size(); i++) {
            Node k = kids.get(i).replace(target, replacement);
            if (k != kids.get(i)) {
                copy = copy == null ? new ArrayList<>(kids) : copy;
                copy.set(i, k);
            }
        }
        return copy == null ? this : withKids(copy);
    }

    void forEach(Consumer<Node> visitor) {
        visitor.accept(this);
        for (Node k : kids) {
            k.forEach(visitor);
        }
    }

    int size() {
        int[] n = {0};
        forEach(x -> n[0]++);
        return n[0];
    }

    void print(StringBuilder out, String indent) {
        if (kind == Kind.BLOCK) {
            out.append("{\n");
            for (Node s : kids) {
                out.append(indent).append("    ");
                s.print(out, indent + "    ");
                out.append('\n');
            }
            out.append(indent).append('}');
            return;
        }
        for (int i = 0; i < kids.size(); i++) {
            out.append(parts.get(i));
            kids.get(i).print(out, indent);
        }
        out.append(parts.get(kids.size()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        print(sb, "");
        return sb.toString();
    }
}
