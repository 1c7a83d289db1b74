package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebFrameworkTest {
    @Test
    void bothRoutesAnswerAndABadParameterIsRejected() {
        Run.Result run = Run.virtual(WebFramework.main());
        assertEquals(List.of(
                "GET / -> 200 {\"Hello\":\"World\"}",
                "GET /items/42 -> 200 {\"item_id\":42}",
                "GET /items/foo -> 422 {\"detail\":\"item_id: Input should be a valid integer\"}"), run.lines());
        assertEquals(1.0, run.elapsed());   // only the root route sleeps
    }
}
