package io.jasyncio.samples.http;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RouterTest {
    private static final Router.Handler ROOT = r -> null;
    private static final Router.Handler ITEM = r -> null;

    private final Router router = new Router().get("/", ROOT).get("/items/{item_id}", ITEM);

    @Test
    void matchesLiteralAndParameterSegments() {
        assertSame(ROOT, router.find("GET", "/").handler());
        Router.Match m = router.find("GET", "/items/7");
        assertSame(ITEM, m.handler());
        assertEquals(Map.of("item_id", "7"), m.params());
    }

    @Test
    void parametersAreNonEmptyAndPercentDecoded() {
        assertEquals(404, router.find("GET", "/items/").status());
        assertEquals(Map.of("item_id", "a b/\u00e9+"), router.find("GET", "/items/a%20b%2F%C3%A9+").params());
        assertEquals(Map.of("item_id", "100%"), router.find("GET", "/items/100%").params());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertEquals(404, router.find("GET", "/items/7/extra").status());
        assertEquals(404, router.find("GET", "/nothing").status());
        Router.Match m = router.find("POST", "/items/7");
        assertNull(m.handler());
        assertEquals(405, m.status());
    }
}
