package io.jasyncio.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

import java.lang.reflect.Method;

/** The engine's test tree: a class holding @AsyncTest methods, and each such method. */
final class AsyncTestDescriptors {
    private AsyncTestDescriptors() {
    }

    static final class ClassDescriptor extends AbstractTestDescriptor {
        private final Class<?> testClass;

        ClassDescriptor(UniqueId id, Class<?> testClass) {
            super(id, testClass.getSimpleName(), ClassSource.from(testClass));
            this.testClass = testClass;
        }

        Class<?> testClass() {
            return testClass;
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }

    static final class MethodDescriptor extends AbstractTestDescriptor {
        private final Class<?> testClass;
        private final Method method;

        MethodDescriptor(UniqueId id, Class<?> testClass, Method method) {
            super(id, method.getName() + "()", MethodSource.from(testClass, method));
            this.testClass = testClass;
            this.method = method;
        }

        Class<?> testClass() {
            return testClass;
        }

        Method method() {
            return method;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }
}
