package io.jasyncio.transformer;

import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.BitSet;

/**
 * The analyze pass: the type of every local and stack entry before each instruction (ASM's Analyzer
 * with a {@link HierarchyVerifier}) and the local slots live on entry to each instruction.
 */
final class FrameAnalysis {
    final Frame<BasicValue>[] frames;
    final BitSet[] liveIn;

    private FrameAnalysis(Frame<BasicValue>[] frames, BitSet[] liveIn) {
        this.frames = frames;
        this.liveIn = liveIn;
    }

    static FrameAnalysis analyze(String owner, MethodNode method, TypeRelations relations) throws AnalyzerException {
        Frame<BasicValue>[] frames = new Analyzer<>(new HierarchyVerifier(relations, false)).analyze(owner, method);
        return new FrameAnalysis(frames, Liveness.liveIn(method, ControlFlow.of(method)));
    }
}
