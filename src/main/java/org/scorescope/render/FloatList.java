package org.scorescope.render;

import java.util.Arrays;

/** A growable float array. */
final class FloatList {
    private float[] data = new float[256];
    private int size;

    void add(float v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    float[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
