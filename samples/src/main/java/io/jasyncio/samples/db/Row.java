package io.jasyncio.samples.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a query result in text format, asyncpg's {@code Record}: values by column name or by
 * position, in the order the server sent the columns. SQL NULL is Java null.
 */
public final class Row {
    private final List<String> columns;
    private final List<String> values;

    Row(List<String> columns, List<String> values) {
        this.columns = columns;
        this.values = values;
    }

    /** The column names, in order (shared by every row of a result). */
    public List<String> columns() {
        return columns;
    }

    /** The value of the named column (the first one, if the name repeats). */
    public String get(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column \"" + column + "\" in this row; its columns are " + columns);
        }
        return values.get(i);
    }

    /** The value of the column at {@code index}, from 0. */
    public String get(int index) {
        return values.get(index);
    }

    public int size() {
        return values.size();
    }

    /** The row as column name → value, in column order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.putIfAbsent(columns.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && columns.equals(r.columns) && values.equals(r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, values);
    }

    /** As asyncpg prints a record: {@code <Record id='1' name='apple'>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<Record");
        for (int i = 0; i < columns.size(); i++) {
            String v = values.get(i);
            sb.append(' ').append(columns.get(i)).append('=').append(v == null ? "None" : "'" + v + "'");
        }
        return sb.append('>').toString();
    }
}
