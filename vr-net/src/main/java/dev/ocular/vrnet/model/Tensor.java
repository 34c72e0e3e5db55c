package dev.ocular.vrnet.model;

import java.util.Arrays;

/**
 * One named array of a safetensors file, decoded to float32 on the host. {@code dtype} is how it is (or will be)
 * stored in the file. The arrays are shared, not copied: treat them as owned by whoever made the record.
 */
public record Tensor(DType dtype, int[] shape, float[] values) {
    /** Element types ocular reads and writes: IEEE binary32 and binary16, little endian. */
    public enum DType {
        F32(4), F16(2);

        private final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }

    public Tensor {
        long count = elementCount(shape);
        if (count != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " values, got " + values.length);
        }
    }

    /** Product of the dimensions; -1 when a dimension is negative or the product exceeds an int. */
    public static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                return -1;
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return n;
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }
}
