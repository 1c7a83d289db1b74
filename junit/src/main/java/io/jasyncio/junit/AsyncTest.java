package io.jasyncio.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code @Async} test method returning a {@code Coroutine}: Python's
 * {@code IsolatedAsyncioTestCase} test. It runs as the main task of a fresh event loop (in debug mode
 * unless told otherwise) and fails when its coroutine fails, when it outlives {@link #timeout()}, or
 * when it leaves behind pending tasks, registered channels (unclosed transports or servers) or
 * failures nobody retrieved. {@code @BeforeEach}/{@code @AfterEach} methods run around it on the same
 * loop (a method of theirs returning a Coroutine is run to completion there); static {@code @BeforeAll}/
 * {@code @AfterAll} methods run once around the class's tests (a Coroutine of theirs with
 * {@code Asyncio.run}, on a loop of its own); {@code @Disabled} skips it.
 *
 * <p>The {@code jasyncio} JUnit Platform engine runs these methods (Jupiter does not run test methods
 * that return a value); having {@code jasyncio-junit} on the test class path is all it takes.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AsyncTest {
    /** Wall-clock seconds before the test's task is cancelled and the test fails with a task dump; 0: no limit. */
    double timeout() default 30;

    /** Run on a virtual clock: sleeps and timeouts take no real time (a test that sleeps an hour ends at once). */
    boolean virtualTime() default false;

    /** The loop's debug mode (slow callbacks, never-awaited coroutines, wrong-thread calls); on by default. */
    boolean debug() default true;
}
