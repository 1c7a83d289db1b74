package io.jasyncio.samples.http;

import io.jasyncio.samples.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NotesServiceTest {
    @Test
    void theDemoCreatesReadsListsIsRefusedAndShutsDownGracefully() {
        Run.Result run = Run.virtual(NotesService.main());
        assertEquals(List.of(
                "POST /notes -> 201 {\"id\":1,\"text\":\"buy milk\"}",
                "POST /notes -> 201 {\"id\":2,\"text\":\"call mom\"}",
                "GET /notes/2 -> 200 {\"id\":2,\"text\":\"call mom\"}",
                "GET /notes/9 -> 404 {\"detail\":\"Not Found\"}",
                "GET /notes -> 200 [{\"id\":1,\"text\":\"buy milk\"},{\"id\":2,\"text\":\"call mom\"}]",
                "requests: 5, connections: 1",
                "GET /notes/999... -> 414 close",
                "GET /export during shutdown -> 200 {\"exported\":2} close",
                "open connections: 0"), run.lines());
        assertEquals(2.0, run.elapsed());   // the shutdown waited for the export, not the 10 s grace
    }
}
