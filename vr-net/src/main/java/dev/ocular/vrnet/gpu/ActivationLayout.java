package dev.ocular.vrnet.gpu;

import dev.ocular.gpu.frame.ImageData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the low-resolution tensors of a stereo frame live in a GPU buffer. Each eye's tensor is stored NHWC with a
 * one-pixel zero border: eye e occupies (height+2) × (width+2) pixels of {@code stride} elements, eyes back to back,
 * then {@code slackPixels} more. Pixel (x, y) of eye e, channel c, is element {@code eyeOffset(e) + ((y + 1)·(width + 2)
 * + x + 1)·stride + c}.
 *
 * <p>Why this shape: a 3×3 convolution then needs no bounds checks (the border supplies the zero padding), the rows of
 * one kernel tap are a fixed stride apart so a cooperative-matrix load reads an im2col tile straight from memory, and
 * every tensor of the net uses the same stride so the border stays zero when buffers are reused for narrower tensors.
 * The slack lets a tile that runs past the last eye's final pixel load without leaving the buffer; those rows' results
 * are discarded. Immutable.
 */
public final class ActivationLayout {
    private final int[] widths;
    private final int[] heights;
    private final int stride;
    private final int elementBytes;
    private final int slackPixels;
    private final long[] offsets;
    private final long totalElements;

    public ActivationLayout(int[] widths, int[] heights, int stride, int elementBytes, int slackPixels) {
        if (widths.length != heights.length || widths.length == 0 || stride <= 0
                || (elementBytes != 2 && elementBytes != 4) || slackPixels < 0) {
            throw new IllegalArgumentException("bad activation layout " + Arrays.toString(widths) + "x"
                    + Arrays.toString(heights) + " stride " + stride + " element " + elementBytes);
        }
        this.widths = widths.clone();
        this.heights = heights.clone();
        this.stride = stride;
        this.elementBytes = elementBytes;
        this.slackPixels = slackPixels;
        this.offsets = new long[widths.length];
        long at = 0;
        for (int e = 0; e < widths.length; e++) {
            offsets[e] = at;
            at += (long) (widths[e] + 2) * (heights[e] + 2) * stride;
        }
        this.totalElements = at + (long) slackPixels * stride;
        if (totalElements > 0xffff_ffffL) {
            throw new IllegalArgumentException("activation buffer of " + totalElements
                    + " elements exceeds 32-bit shader indexing");
        }
    }

    public int eyes() {
        return widths.length;
    }

    public int width(int eye) {
        return widths[eye];
    }

    public int height(int eye) {
        return heights[eye];
    }

    public int stride() {
        return stride;
    }

    public int elementBytes() {
        return elementBytes;
    }

    /** First element of eye {@code eye}'s bordered plane. */
    public long eyeOffset(int eye) {
        return offsets[eye];
    }

    public long element(int eye, int x, int y, int channel) {
        return offsets[eye] + ((long) (y + 1) * (widths[eye] + 2) + x + 1) * stride + channel;
    }

    public long totalElements() {
        return totalElements;
    }

    public long bytes() {
        return totalElements * elementBytes;
    }

    public int maxWidth() {
        return Arrays.stream(widths).max().orElseThrow();
    }

    public int maxHeight() {
        return Arrays.stream(heights).max().orElseThrow();
    }

    /** Same eyes and sizes, stride, element type and slack. */
    public boolean sameAs(ActivationLayout other) {
        return other != null && Arrays.equals(widths, other.widths) && Arrays.equals(heights, other.heights)
                && stride == other.stride && elementBytes == other.elementBytes && slackPixels == other.slackPixels;
    }

    /** The whole buffer's bytes (native order) with each eye's tensor in its interior and zeros elsewhere. */
    public ByteBuffer encode(List<ImageData> perEye) {
        ByteBuffer out = ByteBuffer.allocateDirect(Math.toIntExact(bytes())).order(ByteOrder.nativeOrder());
        for (int e = 0; e < eyes(); e++) {
            ImageData img = perEye.get(e);
            if (img.width() != widths[e] || img.height() != heights[e] || img.channels() > stride) {
                throw new IllegalArgumentException("eye " + e + " tensor " + img.width() + "x" + img.height() + "x"
                        + img.channels() + " does not fit layout " + widths[e] + "x" + heights[e] + " stride "
                        + stride);
            }
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) {
                    for (int c = 0; c < img.channels(); c++) {
                        put(out, element(e, x, y, c), img.get(x, y, c));
                    }
                }
            }
        }
        return out;
    }

    /** Each eye's first {@code channels} channels from a downloaded buffer. */
    public List<ImageData> decode(ByteBuffer data, int channels) {
        List<ImageData> eyes = new ArrayList<>();
        for (int e = 0; e < eyes(); e++) {
            ImageData img = ImageData.zeros(widths[e], heights[e], channels);
            for (int y = 0; y < heights[e]; y++) {
                for (int x = 0; x < widths[e]; x++) {
                    for (int c = 0; c < channels; c++) {
                        img.set(x, y, c, get(data, element(e, x, y, c)));
                    }
                }
            }
            eyes.add(img);
        }
        return eyes;
    }

    private void put(ByteBuffer buf, long element, float value) {
        int at = Math.toIntExact(element * elementBytes);
        if (elementBytes == 4) {
            buf.putFloat(at, value);
        } else {
            buf.putShort(at, Float.floatToFloat16(value));
        }
    }

    private float get(ByteBuffer buf, long element) {
        int at = Math.toIntExact(element * elementBytes);
        return elementBytes == 4 ? buf.getFloat(at) : Float.float16ToFloat(buf.getShort(at));
    }
}
