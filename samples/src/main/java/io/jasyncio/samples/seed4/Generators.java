package io.jasyncio.samples.seed4;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Seed 004, "generator 示例": the plain (synchronous) generators that coroutines grew out of. Java has
 * no {@code yield} in methods; an {@link Iterator} that remembers where it stopped is the same thing.
 */
public final class Generators {
    private Generators() {
    }

    /** {@code multi_yield()}: two values, then StopIteration. */
    static Iterator<String> multiYield() {
        return new Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                return step < 2;
            }

            @Override
            public String next() {
                switch (step++) {
                    case 0:
                        return "This will print the first string";
                    case 1:
                        return "This will print the second string";
                    default:
                        throw new NoSuchElementException("StopIteration");
                }
            }
        };
    }

    /** {@code infinite_sequence()}: 0, 1, 2, ... for as long as anyone asks. */
    static Iterator<Integer> infiniteSequence() {
        return new Iterator<>() {
            private int num;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return num++;
            }
        };
    }

    public static void main(String[] args) {
        Iterator<String> multiObj = multiYield();
        System.out.println(multiObj.next());
        System.out.println(multiObj.next());
        try {
            System.out.println(multiObj.next());
        } catch (NoSuchElementException e) {
            System.out.println(e.getMessage());   // Python: Traceback ... StopIteration
        }

        Iterator<Integer> numbers = infiniteSequence();
        StringBuilder firstFive = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            firstFive.append(numbers.next()).append(' ');
        }
        System.out.println(firstFive.toString().trim());
    }
}
