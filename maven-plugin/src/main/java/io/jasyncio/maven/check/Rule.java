package io.jasyncio.maven.check;

/** The mistakes the checker reports, by the id users configure and suppress them with. */
public enum Rule {
    AWAIT_OUTSIDE_ASYNC("await-outside-async"),
    AWAIT_IN_SYNCHRONIZED("await-in-synchronized"),
    DROPPED_COROUTINE("dropped-coroutine"),
    BLOCKING_CALL("blocking-call"),
    SWALLOWED_CANCELLATION("swallowed-cancellation");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The rule with this id; the error lists the valid ids. */
    public static Rule byId(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Rule rule : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(rule.id);
        }
        throw new IllegalArgumentException("unknown jasyncio check rule '" + id + "' (known: " + known + ")");
    }
}
