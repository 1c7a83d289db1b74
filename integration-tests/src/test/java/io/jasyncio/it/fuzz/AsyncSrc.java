package io.jasyncio.it.fuzz;

import io.jasyncio.Awaitable;

/** Where a woven fuzz program gets what it awaits: {@code await(src.v(site, value))}. */
public interface AsyncSrc {
    /** An awaitable of {@code value}, completing (or failing, or being cancelled) as the schedule says. */
    <T> Awaitable<T> v(int site, T value);
}
