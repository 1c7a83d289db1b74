package io.jasyncio.samples;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PyTest {
    @Test
    void rendersValuesAsPythonPrintsThem() {
        assertEquals("['Ciallo', 'Ciallo']", Py.repr(List.of("Ciallo", "Ciallo")));
        assertEquals("{'id': 1, 'delay': 2}", Py.repr(Py.dict("id", 1, "delay", 2)));
        assertEquals("True", Py.repr(true));
        assertEquals("None", Py.repr(null));
        assertEquals("\"it's\"", Py.repr("it's"));
        assertEquals("ValueError('bad')", Py.repr(new ValueError("bad")));
        assertEquals("[[1, 2], []]", Py.repr(List.of(List.of(1, 2), List.of())));
        assertEquals("text", Py.str("text"));
    }

    private static final class ValueError extends RuntimeException {
        ValueError(String message) {
            super(message);
        }
    }
}
