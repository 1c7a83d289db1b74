package io.jasyncio.maven.check;

import java.nio.file.Path;

/**
 * One reported mistake, printed as {@code file:line:column: rule-id: message — fix}.
 *
 * @param file    the source file
 * @param line    1-based line
 * @param column  1-based column
 * @param rule    the rule that found it
 * @param message what is wrong
 * @param fix     how to fix it, in one line
 */
public record Finding(Path file, int line, int column, Rule rule, String message, String fix) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + rule.id() + ": " + message + " \u2014 " + fix;
    }
}
