package io.jasyncio.samples.seed2;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FetchDataTest {
    @Test
    void finishedInDelayOrderReturnedInArgumentOrder() {
        Run.Result run = Run.virtual(FetchData.main());
        assertEquals(List.of(
                "Fetching data 1...",
                "Fetching data 2...",
                "Fetching data 3...",
                "Data 2 fetched",
                "Data 1 fetched",
                "Data 3 fetched",
                "[{'id': 1, 'delay': 2}, {'id': 2, 'delay': 1}, {'id': 3, 'delay': 3}]"), run.lines());
        assertEquals(3.0, run.elapsed());   // the longest delay, not the sum
    }
}
