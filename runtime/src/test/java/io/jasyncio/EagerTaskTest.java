package io.jasyncio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.*;

/** CPython 3.12's test_eager_task_factory: eager start up to the first suspension. */
class EagerTaskTest extends LoopFixture {

    @Async
    static Coroutine<String> stepThenSleep(List<String> log, String name) {
        log.add(name + " started");
        await(sleep(1));
        log.add(name + " resumed");
        return completed(name);
    }

    @Test
    void eagerTaskRunsInsideCreateTaskUpToItsFirstSuspension() {
        List<String> log = new ArrayList<>();
        assertEquals("child", loop.runUntilComplete(spawnEager(log)));
        assertEquals(List.of("child started", "createTask returned", "child resumed"), log);
    }

    @Async
    static Coroutine<String> spawnEager(List<String> log) {
        Task<String> t = createEagerTask(stepThenSleep(log, "child"));
        log.add("createTask returned");
        assertFalse(t.isDone());
        return completed(await(t));
    }

    @Test
    void plainTaskStartsOnlyWhenTheLoopGetsToIt() {
        List<String> log = new ArrayList<>();
        assertEquals("child", loop.runUntilComplete(spawnPlain(log)));
        assertEquals(List.of("createTask returned", "child started", "child resumed"), log);
    }

    @Async
    static Coroutine<String> spawnPlain(List<String> log) {
        Task<String> t = createTask(stepThenSleep(log, "child"));
        log.add("createTask returned");
        return completed(await(t));
    }

    @Test
    void eagerTaskThatNeverSuspendsIsDoneOnReturn() {
        assertEquals(List.of(42, 0), loop.runUntilComplete(eagerDone()));
    }

    @Async
    static Coroutine<List<Integer>> eagerDone() {
        int before = allTasks().size();
        Task<Integer> t = createEagerTask(TaskTest.immediate(42));
        assertTrue(t.isDone());
        return completed(List.of(t.result(), allTasks().size() - before));
    }

    @Test
    void eagerTaskFailingAtOnceIsDoneWithItsException() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, loop.runUntilComplete(eagerFails(boom)));
    }

    @Async
    static Coroutine<Throwable> eagerFails(RuntimeException boom) {
        Task<Void> t = createEagerTask(throwAtOnce(boom));
        assertTrue(t.isDone());
        return completed(t.exception());
    }

    @Async
    static Coroutine<Void> throwAtOnce(RuntimeException e) {
        throw e;
    }

    @Test
    void currentTaskDuringTheEagerStepIsTheNewTask() {
        assertEquals(List.of("inside: the eager task", "after: the creator"), loop.runUntilComplete(eagerCurrentTask()));
    }

    @Async
    static Coroutine<List<String>> eagerCurrentTask() {
        Task<?> creator = currentTask();
        List<Task<?>> inside = new ArrayList<>();
        Task<Void> t = createEagerTask(recordCurrent(inside));
        return completed(List.of(
                inside.get(0) == t ? "inside: the eager task" : "inside: " + inside.get(0),
                currentTask() == creator ? "after: the creator" : "after: " + currentTask()));
    }

    @Async
    static Coroutine<Void> recordCurrent(List<Task<?>> inside) {
        inside.add(currentTask());
        return completed();
    }

    @Test
    void taskFactoryMakesEveryTaskEager() {
        loop.setTaskFactory(TaskFactory.EAGER);
        assertSame(TaskFactory.EAGER, loop.getTaskFactory());
        List<String> log = new ArrayList<>();
        loop.runUntilComplete(spawnPlain(log));
        assertEquals(List.of("child started", "createTask returned", "child resumed"), log);
        loop.setTaskFactory(null);
        assertNull(loop.getTaskFactory());
    }

    @Test
    void eagerTaskCreatedWhileTheLoopIsNotRunningStartsLater() {
        List<String> log = new ArrayList<>();
        Task<String> t = new Task<>(stepThenSleep(log, "t"), loop, null, true);
        assertEquals(List.of(), log);
        assertEquals("t", loop.runUntilComplete(t));
    }

    @Test
    void eagerTaskCanBeCancelledAtItsSuspension() {
        assertTrue(loop.runUntilComplete(cancelEager()));
    }

    @Async
    static Coroutine<Boolean> cancelEager() {
        Task<String> t = createEagerTask(stepThenSleep(new ArrayList<>(), "c"));
        t.cancel();
        try {
            await(t);
        } catch (CancellationException expected) {
            return completed(t.isCancelled());
        }
        return completed(false);
    }

    @Test
    void gatherOfEagerlyFinishedTasksIsDoneAtOnce() {
        assertEquals(List.of(1, 2), loop.runUntilComplete(gatherEager()));
    }

    @Async
    static Coroutine<List<Integer>> gatherEager() {
        Future<List<Integer>> g = gather(createEagerTask(TaskTest.immediate(1)), createEagerTask(TaskTest.immediate(2)));
        assertTrue(g.isDone());
        return completed(await(g));
    }
}
