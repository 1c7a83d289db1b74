package io.jasyncio.it.shapes;

/** The super class of {@link TrickyShapes}, for {@code super.} calls with awaited arguments. */
class TrickyBase {
    final String name;

    TrickyBase(String name) {
        this.name = name;
    }

    String describe(String x) {
        return "base(" + x + ")";
    }
}
