package io.jasyncio.transformer;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the frame class and the body method agree on for one {@code @Async} method: names, the
 * parameters (their fields and slots), the frame's local slot and the spill plan.
 */
final class CoroutineShape {
    final String owner;
    final boolean ownerIsInterface;
    final String ownerSource;
    final String methodName;
    final boolean isStatic;
    final String frameClass;
    final Type[] paramTypes;
    final String[] paramFields;
    final int[] paramSlots;
    final int frameSlot;
    final SuspensionPlan plan;

    CoroutineShape(ClassNode ownerNode, MethodNode method, String frameClass, int frameSlot, SuspensionPlan plan) {
        this.owner = ownerNode.name;
        this.ownerIsInterface = (ownerNode.access & Opcodes.ACC_INTERFACE) != 0;
        this.ownerSource = ownerNode.sourceFile;
        this.methodName = method.name;
        this.isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        this.frameClass = frameClass;
        this.paramTypes = Type.getArgumentTypes(method.desc);
        this.paramFields = new String[paramTypes.length];
        this.paramSlots = new int[paramTypes.length];
        this.frameSlot = frameSlot;
        this.plan = plan;
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < paramTypes.length; i++) {
            paramSlots[i] = slot;
            paramFields[i] = "p$" + parameterName(method, i, slot);
            slot += paramTypes[i].getSize();
        }
    }

    /** The source name of a parameter (MethodParameters, else the local variable table), or argN. */
    private static String parameterName(MethodNode m, int index, int slot) {
        if (m.parameters != null && m.parameters.size() == Type.getArgumentTypes(m.desc).length
                && m.parameters.get(index).name != null) {
            return m.parameters.get(index).name;
        }
        if (m.localVariables != null) {
            for (LocalVariableNode lv : m.localVariables) {
                if (lv.index == slot && m.instructions.indexOf(lv.start) <= firstRealIndex(m)) {
                    return lv.name;
                }
            }
        }
        return "arg" + index;
    }

    private static int firstRealIndex(MethodNode m) {
        for (int i = 0; i < m.instructions.size(); i++) {
            if (m.instructions.get(i).getOpcode() >= 0) {
                return i;
            }
        }
        return m.instructions.size();
    }

    String frameDesc() {
        return "L" + frameClass + ";";
    }

    String bodyDesc() {
        return "(" + frameDesc() + ")" + Names.OBJECT_DESC;
    }

    /** The JVM's limit on a method's parameter slots, {@code this} included (JVMS 4.3.3). */
    static final int MAX_PARAMETER_SLOTS = 255;

    /**
     * Whether the frame constructor {@code (Owner self?, P1..Pn)V} would pass the JVM's 255-slot limit
     * (a static method with 255 parameter slots, an instance method with 254): then the constructor takes
     * nothing and the stub stores the receiver and arguments with {@code putfield} (the fields are
     * package-private and the frame is in the owner's package).
     */
    boolean storesFieldsInStub() {
        int slots = 1 + (isStatic ? 0 : 1);
        for (Type t : paramTypes) {
            slots += t.getSize();
        }
        return slots > MAX_PARAMETER_SLOTS;
    }

    /** The frame constructor: {@code (Owner self?, P1..Pn)V}, or {@code ()V} if {@link #storesFieldsInStub()}. */
    String constructorDesc() {
        if (storesFieldsInStub()) {
            return "()V";
        }
        StringBuilder sb = new StringBuilder("(");
        if (!isStatic) {
            sb.append('L').append(owner).append(';');
        }
        for (Type t : paramTypes) {
            sb.append(t.getDescriptor());
        }
        return sb.append(")V").toString();
    }
}
