package io.jasyncio.transformer;

import org.objectweb.asm.ClassWriter;

/** A ClassWriter computing frames with super classes read from class files, never {@code Class.forName}. */
final class HierarchyClassWriter extends ClassWriter {
    private final TypeRelations relations;

    HierarchyClassWriter(TypeRelations relations) {
        super(COMPUTE_FRAMES);
        this.relations = relations;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return relations.commonSuperClass(type1, type2);
    }
}
