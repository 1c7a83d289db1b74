package io.jasyncio.samples.chat;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.samples.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ChatServerTest {
    private static final String HOST = "127.0.0.1";

    @Test
    void theDemoTranscriptIsAlwaysTheSame() {
        Run.Result run = Run.virtual(ChatDemo.main());
        assertEquals(List.of(
                "alice <- * bob joined",
                "alice <- * carol joined",
                "bob <- * carol joined",
                "bob <- alice: hi",
                "carol <- alice: hi",
                "alice <- bob: hello alice",
                "carol <- bob: hello alice",
                "carol <- null",
                "alice <- * carol left",
                "bob <- * carol left",
                "members: [alice, bob]",
                "alice <- * server shutting down",
                "alice <- null",
                "bob <- * server shutting down",
                "bob <- null"), run.lines());
        assertEquals(0.0, run.elapsed());
    }

    @Async
    static Coroutine<List<String>> takenName() {
        ChatServer server = new ChatServer(10);
        int port = await(server.start(HOST, 0));
        ChatClient first = await(ChatClient.join(HOST, port, "dup"));
        ChatClient second = await(ChatClient.join(HOST, port, "dup"));
        List<String> seen = new ArrayList<>();
        seen.add(await(second.receive()));
        seen.add(String.valueOf(await(second.receive())));
        seen.add(server.members().toString());
        second.close();
        await(server.shutdown());
        first.close();
        return completed(seen);
    }

    @Test
    void aSecondClientWithTheSameNameIsTurnedAway() {
        List<String> seen = new ArrayList<>();
        Run.virtual(loop -> seen.addAll(loop.runUntilComplete(takenName())));
        assertEquals(List.of("* name taken", "null", "[dup]"), seen);
    }

    @Async
    static Coroutine<List<String>> slowReader() {
        ChatServer server = new ChatServer(3);
        int port = await(server.start(HOST, 0));
        ChatClient talker = await(ChatClient.join(HOST, port, "talker"));
        ChatClient sleeper = await(ChatClient.join(HOST, port, "sleeper"));
        await(talker.receive());   // "* sleeper joined": both are members now
        // the sleeper's sender writes to its socket, which buffers plenty: to fill the outbox, say more
        // than the socket and the outbox hold together, without the sleeper ever reading
        String big = "x".repeat(60_000);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 200 && server.members().contains("sleeper"); i++) {
            await(talker.say(big));
        }
        seen.add(server.members().toString());
        await(server.shutdown());
        seen.add(await(talker.receive()));
        talker.close();
        sleeper.close();
        return completed(seen);
    }

    @Test
    void aClientThatStopsReadingIsDroppedInsteadOfHoldingOthersUp() {
        List<String> seen = new ArrayList<>();
        Run.virtual(loop -> seen.addAll(loop.runUntilComplete(slowReader())));
        assertEquals(List.of("[talker]", "* server shutting down"), seen);
    }
}
