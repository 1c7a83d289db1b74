package io.jasyncio.samples.minidb;

import io.jasyncio.samples.Py;
import java.util.Map;

/** One row, columns in table order; printed as asyncpg prints its Record. */
public record Record(Map<String, Object> columns) {
    public Object get(String column) {
        return columns.get(column);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<Record");
        columns.forEach((k, v) -> sb.append(' ').append(k).append('=').append(Py.repr(v)));
        return sb.append('>').toString();
    }
}
