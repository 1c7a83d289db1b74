package io.jasyncio.transformer;

import java.util.Map;

/**
 * The outcome of weaving one class file.
 *
 * @param changed          false when the class has no @Async method or was already woven (bytes are the input)
 * @param bytes            the (possibly rewritten) class file
 * @param generatedClasses frame classes to write or define beside it, by internal name, in a stable order
 */
public record WeaveResult(boolean changed, byte[] bytes, Map<String, byte[]> generatedClasses) {
}
