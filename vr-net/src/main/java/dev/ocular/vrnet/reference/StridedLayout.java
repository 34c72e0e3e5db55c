package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.ImageData;

/**
 * Where value (x, y, c) of a float image lives in its array: {@code offset + y·rowStride + x·pixelStride +
 * c·channelStride}. The refine stage's pure helpers ({@link ContrastGate}, {@link KernelResidual}) take one, so the
 * reference executor (interleaved {@link ImageData}), the trainer (planar) and shaders/refine_apply.comp share one
 * definition of each helper rather than one per layout.
 */
public record StridedLayout(int offset, int width, int height, int rowStride, int pixelStride, int channelStride) {

    /** An {@link ImageData}'s interleaved layout. */
    public static StridedLayout interleaved(ImageData image) {
        return new StridedLayout(0, image.width(), image.height(), image.width() * image.channels(),
                image.channels(), 1);
    }

    /** Channel planes one after another, each {@code width × height}, rows packed. */
    public static StridedLayout planar(int width, int height) {
        return new StridedLayout(0, width, height, width, 1, width * height);
    }

    public int index(int x, int y, int c) {
        return offset + y * rowStride + x * pixelStride + c * channelStride;
    }

    /** Index of (x + dx, y + dy) with the position clamped into the image (the stage's edge rule). */
    public int clamped(int x, int y, int dx, int dy, int c) {
        return index(Math.min(Math.max(x + dx, 0), width - 1), Math.min(Math.max(y + dy, 0), height - 1), c);
    }
}
