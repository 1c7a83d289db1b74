package io.jasyncio.samples.http;

import io.jasyncio.samples.Py;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    @Test
    void writesNestedValuesInKeyOrder() {
        assertEquals("{\"b\":1,\"a\":[true,null,\"x\"]}", Json.write(Py.dict("b", 1, "a", Arrays.asList(true, null, "x"))));
    }

    @Test
    void escapesStrings() {
        assertEquals("\"q\\\"b\\\\n\\nt\\u0001\"", Json.write("q\"b\\n\nt\u0001"));
    }

    @Test
    void refusesWhatJsonCannotSay() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(new Object())));
    }
}
