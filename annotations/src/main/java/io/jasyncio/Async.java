package io.jasyncio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a coroutine, Python's {@code async def}. The method returns
 * {@code Coroutine<T>}, may call {@code Asyncio.await(...)}, and ends with {@code return completed(x)}.
 *
 * <p>The jasyncio weaver (Maven plugin, Java agent or command-line weaver) rewrites every such method
 * into a state machine; calling the woven method runs nothing and returns the coroutine object.
 * Visible at run time too, so tools (debuggers, test extensions) can recognise coroutine methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Async {
}
