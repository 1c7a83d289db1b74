package io.jasyncio.it.fuzz;

import java.util.Random;

/** The value types fuzz programs compute with: every primitive (long and double take two slots) and String. */
enum Type {
    INT("int", "Integer", "i"), LONG("long", "Long", "j"), DOUBLE("double", "Double", "d"), FLOAT("float", "Float", "f"),
    BOOLEAN("boolean", "Boolean", "z"), CHAR("char", "Character", "c"), BYTE("byte", "Byte", "b"),
    SHORT("short", "Short", "s"), STRING("String", "String", "str"),
    /**
     * Only with {@code -Djasyncio.fuzz.mergedTypes=true}: a local assigned a StringBuilder or a StringBuffer,
     * whose merged verifier type is the inaccessible java.lang.AbstractStringBuilder. Never awaited.
     */
    CHARSEQ("CharSequence", "CharSequence", null),
    /** An awaitable created before it is awaited ({@code src.li}, {@code src.lstr}); only awaited, never printed. */
    AWAITABLE_INT("Awaitable<Integer>", null, "li"),
    AWAITABLE_STRING("Awaitable<String>", null, "lstr");

    final String java;
    final String boxed;
    /** The {@link AsyncSrc} method that hands out an awaitable of this type. */
    final String src;

    Type(String java, String boxed, String src) {
        this.java = java;
        this.boxed = boxed;
        this.src = src;
    }

    boolean numeric() {
        return this == INT || this == LONG || this == DOUBLE || this == FLOAT;
    }

    /** The simplest constant of this type: what the shrinker puts in place of an expression. */
    String zero() {
        return switch (this) {
            case INT -> "0";
            case LONG -> "0L";
            case DOUBLE -> "0.0";
            case FLOAT -> "0.0f";
            case BOOLEAN -> "false";
            case CHAR -> "'a'";
            case BYTE -> "(byte) 0";
            case SHORT -> "(short) 0";
            case STRING, CHARSEQ -> "\"\"";
            case AWAITABLE_INT, AWAITABLE_STRING -> "null";
        };
    }

    String literal(Random r) {
        return switch (this) {
            case INT -> pick(r, "0", "1", "2", "3", "7", "42", "(-5)", "100000", "Integer.MAX_VALUE", "(-1)");
            case LONG -> pick(r, "0L", "1L", "3L", "(-2L)", "5000000000L", "Long.MIN_VALUE", "123456789012L");
            case DOUBLE -> pick(r, "0.0", "0.5", "(-1.25)", "3.0", "1e10", "(-0.0)");
            case FLOAT -> pick(r, "0.0f", "1.5f", "(-2.25f)", "7f");
            case BOOLEAN -> pick(r, "true", "false");
            case CHAR -> pick(r, "'a'", "'z'", "'0'", "'\\n'");
            case BYTE -> pick(r, "(byte) 0", "(byte) 7", "(byte) -128", "(byte) 100");
            case SHORT -> pick(r, "(short) 0", "(short) 300", "(short) -32768");
            case STRING -> pick(r, "\"s\"", "\"ab\"", "\"\"", "(String) null", "\"x y\"");
            case CHARSEQ -> "\"cs\"";
            case AWAITABLE_INT, AWAITABLE_STRING -> "null";
        };
    }

    static Type any(Random r) {
        Type[] all = values();
        // int, long, double, boolean and String most often; the narrow types now and then
        int i = r.nextInt(12);
        return i < 9 ? all[i] : pick(r, INT, LONG, STRING);
    }

    @SafeVarargs
    static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
