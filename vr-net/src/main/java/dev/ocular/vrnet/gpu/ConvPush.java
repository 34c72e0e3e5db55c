package dev.ocular.vrnet.gpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The push constants both convolution shaders share: per-eye width, height and element offset (two eyes, the second
 * repeating the first for a single eye), then the pixel stride and the padded input channel count (the scalar shader
 * takes it in vec4 groups). 32 bytes, written in place so recording allocates nothing.
 */
final class ConvPush {
    static final int BYTES = 32;
    private final ByteBuffer bytes = ByteBuffer.allocateDirect(BYTES).order(ByteOrder.nativeOrder());

    ByteBuffer fill(ActivationLayout layout, int inputValue) {
        for (int e = 0; e < 2; e++) {
            int src = Math.min(e, layout.eyes() - 1);
            bytes.putInt(4 * e, layout.width(src));
            bytes.putInt(8 + 4 * e, layout.height(src));
            bytes.putInt(16 + 4 * e, (int) layout.eyeOffset(src));
        }
        bytes.putInt(24, layout.stride());
        bytes.putInt(28, inputValue);
        return bytes.position(0).limit(BYTES);
    }
}
