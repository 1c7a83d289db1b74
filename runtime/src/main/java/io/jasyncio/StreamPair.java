package io.jasyncio;

/** What {@code openConnection} gives: Python's {@code (reader, writer)} tuple. */
public record StreamPair(StreamReader reader, StreamWriter writer) {
}
