package io.jasyncio.it.fuzz;

import java.util.concurrent.CancellationException;

/** The reference semantics of an await: its value, or the failure or cancellation thrown right there. */
final class ReferenceSrc implements SyncSrc {
    private final Schedule schedule;
    private final int limit;
    final StringBuilder sites = new StringBuilder();
    int count;

    ReferenceSrc(Schedule schedule, int limit) {
        this.schedule = schedule;
        this.limit = limit;
    }

    @Override
    public <T> T v(int site, T value) {
        int k = count++;
        sites.append(site).append(',');
        if (count > limit) {
            throw new RunawayError(limit);
        }
        if (k == schedule.failAt()) {
            throw Schedule.failureAt(site);
        }
        if (k == schedule.cancelAt()) {
            throw new CancellationException();
        }
        return value;
    }

    @Override
    public <T> Deferred<T> deferred(int site, T value) {
        int k = count++;
        sites.append(site).append(',');
        if (count > limit) {
            throw new RunawayError(limit);
        }
        return new Deferred<>(value, k == schedule.failAt() ? Schedule.failureAt(site) : null);
    }
}
