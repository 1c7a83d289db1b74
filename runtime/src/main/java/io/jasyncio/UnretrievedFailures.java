package io.jasyncio;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPython's "Future exception was never retrieved": the loop watches each failed future weakly until
 * someone looks at the failure. A future collected unlooked-at is reported on the loop's next
 * iteration; one still unlooked-at when the loop closes is reported then, so the report is
 * deterministic instead of waiting for the garbage collector. Loop thread only.
 */
final class UnretrievedFailures {
    private final ReferenceQueue<Future<?>> collected = new ReferenceQueue<>();
    private final Set<Watch> watched = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Starts watching a future that has just failed. */
    void watch(Future<?> f) {
        Watch w = new Watch(f, this);
        f.extras().watch = w;
        watched.add(w);
    }

    boolean isEmpty() {
        return watched.isEmpty();
    }

    /** Reports the failed futures the collector found before anyone looked at their failure. */
    void reportCollected(EventLoop loop) {
        for (Reference<? extends Future<?>> r; (r = collected.poll()) != null; ) {
            Watch w = (Watch) r;
            if (watched.remove(w)) {
                report(loop, w, null);
            }
        }
    }

    /** At close: reports every failure nobody looked at, collected or not. */
    void reportAll(EventLoop loop) {
        reportCollected(loop);
        for (Watch w : new ArrayList<>(watched)) {
            report(loop, w, w.get());
        }
        watched.clear();
    }

    private static void report(EventLoop loop, Watch w, Future<?> f) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", (w.task ? "Task" : "Future") + " exception was never retrieved");
        context.put("exception", w.failure);
        context.put(w.task ? "task" : "future", f != null ? f : w.description);
        loop.callExceptionHandler(context);
    }

    /** A weak watch on one failed future; cleared once its failure is retrieved. */
    static final class Watch extends WeakReference<Future<?>> {
        private final UnretrievedFailures owner;
        final Throwable failure;
        final boolean task;
        /** What the future looked like when it failed, for a report after it was collected. */
        final String description;

        Watch(Future<?> f, UnretrievedFailures owner) {
            super(f, owner.collected);
            this.owner = owner;
            this.failure = f.failure;
            this.task = f instanceof Task<?>;
            // Cheap and side-effect free (toString would name an unnamed task): built on every failure.
            this.description = f.getClass().getSimpleName() + "[finished exception=" + failure + "]";
        }

        void retrieved() {
            owner.watched.remove(this);
            clear();
        }
    }
}
