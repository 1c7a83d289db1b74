package io.jasyncio;

/**
 * Python's task factory ({@code loop.set_task_factory}): makes the task for every
 * {@link EventLoop#createTask}. {@link #EAGER} is 3.12's {@code eager_task_factory}.
 */
public interface TaskFactory {
    /** Eager tasks: the coroutine runs inside createTask up to its first suspension. */
    TaskFactory EAGER = new TaskFactory() {
        @Override
        public <T> Task<T> createTask(EventLoop loop, Coroutine<T> coro, String name) {
            return new Task<>(coro, loop, name, true);
        }

        @Override
        public String toString() {
            return "TaskFactory.EAGER";
        }
    };

    <T> Task<T> createTask(EventLoop loop, Coroutine<T> coro, String name);
}
