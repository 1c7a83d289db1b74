package io.jasyncio.it.woven;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.VirtualClock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A suspended frame keeps only what the code after the await will read: dead locals and parameters are
 * not spilled (or are cleared), so a long suspension retains no garbage. Checked by reading the frame's
 * fields while it is suspended, not by hoping a GC runs.
 */
class FrameRetentionTest {
    record Marker(String name) {
    }

    @Async
    static Coroutine<String> holdsOnlyLiveValues(Future<String> first, Future<String> second, Marker param) {
        Marker dead = new Marker("dead");
        String fromDead = dead.name() + param.name();   // last use of dead and of param
        Marker live = new Marker("live");
        String a = await(first);
        String fromLive = live.name();                  // last use of live
        String b = await(second);
        return completed(fromDead + fromLive + a + b);
    }

    private static List<Object> referencesHeldBy(Coroutine<?> frame) throws IllegalAccessException {
        List<Object> held = new ArrayList<>();
        for (Field f : frame.getClass().getDeclaredFields()) {
            if (!f.getType().isPrimitive() && !Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                held.add(f.get(frame));
            }
        }
        return held;
    }

    private static boolean holds(List<Object> held, String markerName) {
        return held.stream().anyMatch(o -> o instanceof Marker m && m.name().equals(markerName));
    }

    @Test
    void aSuspendedFrameRetainsOnlyWhatIsStillLive() throws IllegalAccessException {
        try (EventLoop loop = new EventLoop(new VirtualClock())) {
            Future<String> first = loop.createFuture();
            Future<String> second = loop.createFuture();
            Task<String> task = loop.createTask(holdsOnlyLiveValues(first, second, new Marker("param")));
            loop.runUntilComplete(loop.createTask(io.jasyncio.Asyncio.sleep(1)));

            Coroutine<?> frame = task.awaitChain().get(0);
            List<Object> atFirst = referencesHeldBy(frame);
            assertTrue(holds(atFirst, "live"), () -> "live must survive the first await: " + atFirst);
            assertFalse(holds(atFirst, "dead"), () -> "dead local retained at the first await: " + atFirst);
            assertFalse(holds(atFirst, "param"), () -> "dead parameter retained at the first await: " + atFirst);

            first.setResult("A");
            loop.runUntilComplete(loop.createTask(io.jasyncio.Asyncio.sleep(1)));
            List<Object> atSecond = referencesHeldBy(frame);
            assertFalse(holds(atSecond, "live"), () -> "live is dead at the second await but retained: " + atSecond);

            second.setResult("B");
            assertEquals("deadparamliveAB", loop.runUntilComplete(task));
        }
    }
}
