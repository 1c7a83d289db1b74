package io.jasyncio;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Debug mode's "coroutine ... was never awaited": while enabled, every coroutine records where it was
 * created. One dropped unstarted is reported when the collector finds it (on a debug loop's next
 * iteration), or when the loop it was created under closes, naming its creation site. Costs one
 * static read per coroutine when disabled.
 */
final class CoroutineTracker {
    /** Debug mode asked for at startup: {@code -Djasyncio.debug=true} or {@code JASYNCIO_DEBUG} set (not 0/false). */
    static final boolean DEBUG_REQUESTED = Boolean.getBoolean("jasyncio.debug") || isOn(System.getenv("JASYNCIO_DEBUG"));
    /** Plain static: read on every coroutine creation, so no volatile; set before loops start. */
    static boolean enabled = DEBUG_REQUESTED;

    private static final System.Logger LOG = System.getLogger("io.jasyncio");
    private static final ReferenceQueue<Coroutine<?>> COLLECTED = new ReferenceQueue<>();
    /**
     * The sites of tracked coroutines not yet started, each its own key (identity equality); looked up
     * by coroutine through a {@link Lookup}. Kept here rather than in a field of every frame.
     */
    private static final ConcurrentHashMap<Object, Site> PENDING = new ConcurrentHashMap<>();

    private CoroutineTracker() {
    }

    /** Python's PYTHONASYNCIODEBUG is on when non-empty; "0" and "false" also read as off here. */
    static boolean isOn(String env) {
        return env != null && !env.isBlank() && !env.equals("0") && !env.equalsIgnoreCase("false");
    }

    static void enable() {
        enabled = true;
    }

    /** Called by the Coroutine constructor when tracking is enabled. */
    static void created(Coroutine<?> c) {
        EventLoop loop = EventLoop.runningOrNull();
        if (loop != null && !loop.getDebug()) {
            return;   // only coroutines made under a debug loop (or before any loop runs) are tracked
        }
        Site s = new Site(c, loop);
        PENDING.put(s, s);
    }

    /** The coroutine was awaited or wrapped in a task (or closed unstarted); called while tracking is enabled. */
    static void started(Coroutine<?> c) {
        if (!PENDING.isEmpty()) {
            Site s = PENDING.remove(new Lookup(c));
            if (s != null) {
                s.clear();
            }
        }
    }

    /** Reports coroutines collected without ever starting; each to the loop it was created under. */
    static void reportCollected(EventLoop current) {
        for (Reference<? extends Coroutine<?>> r; (r = COLLECTED.poll()) != null; ) {
            Site s = (Site) r;
            if (PENDING.remove(s) != null) {
                if (s.loop == null) {
                    // Made on a thread with no running loop: no loop's handler owns it, so it goes to the
                    // log (Python's RuntimeWarning) rather than to whichever loop happens to be running.
                    LOG.log(System.Logger.Level.WARNING, "coroutine " + s.description + " was never awaited", s.creation);
                } else {
                    report(s.loop.isClosed() ? current : s.loop, s);
                }
            }
        }
    }

    /** At a loop's close: its coroutines still unstarted will never run on it. */
    static void reportUnstarted(EventLoop closing) {
        reportCollected(closing);
        for (Site s : new ArrayList<>(PENDING.values())) {
            Coroutine<?> c = s.get();
            if (s.loop == closing && c != null && !c.isStarted() && PENDING.remove(s) != null) {
                report(closing, s);
            }
        }
    }

    private static void report(EventLoop loop, Site s) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", "coroutine " + s.description + " was never awaited");
        context.put("source_traceback", s.creation);
        loop.callExceptionHandler(context);
    }

    /** Where a coroutine was created; weak, so tracking never keeps a coroutine alive. */
    static final class Site extends WeakReference<Coroutine<?>> {
        final String description;
        final EventLoop loop;
        final Throwable creation;
        private final int hash;

        Site(Coroutine<?> c, EventLoop loop) {
            super(c, COLLECTED);
            this.description = c.getClass().getName();
            this.loop = loop;
            this.creation = new Throwable("Coroutine created at");
            this.hash = System.identityHashCode(c);
        }

        /** The coroutine's identity hash, so a {@link Lookup} finds it; equality stays identity. */
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }
    }

    /** A lookup key for a coroutine's site: equal to the Site whose referent is that coroutine. */
    private static final class Lookup {
        private final Coroutine<?> c;

        Lookup(Coroutine<?> c) {
            this.c = c;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(c);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || (o instanceof Site s && s.get() == c);
        }
    }
}
