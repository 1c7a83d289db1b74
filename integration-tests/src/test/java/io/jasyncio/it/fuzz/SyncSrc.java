package io.jasyncio.it.fuzz;

/** The reference twin's source: the value itself, or the failure the schedule puts at this await. */
public interface SyncSrc {
    <T> T v(int site, T value);
}
