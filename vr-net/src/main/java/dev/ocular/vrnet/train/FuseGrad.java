package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.reference.Perceptual;

/**
 * The fuse op over a whole eye, forward and backward ({@link FusePixel} does one pixel). The backward pass recomputes
 * each pixel's forward values instead of storing them: a pixel costs a few hundred flops (the gradient about ten times that), next to ~27,000 per
 * low-resolution pixel in the convolutions, so keeping them would buy nothing but memory. Owns its scratch: one
 * instance per thread.
 */
public final class FuseGrad {
    private final FusePixel pixel = new FusePixel();
    private final float[] gradPixel = new float[3];

    /**
     * @param head    the head's raw output (6 planes at the G-buffer's size, then any guides; the fuse op reads 6)
     * @param history the previous output (linear RGBA, output size) or null when not usable
     * @param y       receives the tone-mapped output, 3 planes at output size
     * @return the next frame's history, what {@code reference/FuseOp} returns as {@code Fused.history}
     */
    public ImageData forward(Planes head, GBufferData g, ImageData history, EyeParams p, FuseConstants k,
            Planes y) {
        check(head, g, p, y);
        ImageData out = ImageData.zeros(p.outWidth(), p.outHeight(), 4);
        float[] o = out.data();
        float[] yd = y.data();
        int pixels = y.planeSize();
        for (int oy = 0; oy < p.outHeight(); oy++) {
            for (int ox = 0; ox < p.outWidth(); ox++) {
                pixel.evaluate(head, g, history, p, k, ox, oy);
                int i = oy * p.outWidth() + ox;
                for (int c = 0; c < 3; c++) {
                    yd[c * pixels + i] = pixel.y[c];
                    o[i * 4 + c] = Perceptual.fp16(pixel.rgb[c]);
                }
                o[i * 4 + 3] = Perceptual.fp16(pixel.nextWeight);
            }
        }
        return out;
    }

    /**
     * Adds dL/d head to {@code gradHead} given dL/dy ({@code gradY}, 3 planes at output size) for the same inputs the
     * forward pass saw.
     *
     * @param gradHistory receives dL/d history (added to; 4 planes at the history's size), or null to leave history
     *                    detached
     */
    public void backward(Planes head, GBufferData g, ImageData history, EyeParams p, FuseConstants k, Planes gradY,
            Planes gradHead, Planes gradHistory) {
        check(head, g, p, gradY);
        checkGradient(head, gradHead);
        float[] gy = gradY.data();
        int pixels = gradY.planeSize();
        ImageData readHistory = gradHistory == null ? null : history;
        for (int oy = 0; oy < p.outHeight(); oy++) {
            for (int ox = 0; ox < p.outWidth(); ox++) {
                int i = oy * p.outWidth() + ox;
                gradPixel[0] = gy[i];
                gradPixel[1] = gy[pixels + i];
                gradPixel[2] = gy[2 * pixels + i];
                if (gradPixel[0] == 0f && gradPixel[1] == 0f && gradPixel[2] == 0f) {
                    continue;
                }
                pixel.evaluate(head, g, history, p, k, ox, oy);
                pixel.backward(gradPixel, k, gradHead, readHistory, gradHistory);
            }
        }
    }

    /**
     * Adds dL/d head to {@code gradHead} given dL/d (the history this frame left: 4 planes at output size, linear RGB
     * then weight) for the same inputs the forward pass saw — a later frame's loss reaching back into this one.
     */
    public void backwardThroughOutput(Planes head, GBufferData g, ImageData history, EyeParams p, FuseConstants k,
            Planes gradOutput, Planes gradHead) {
        if (gradOutput.channels() != 4 || gradOutput.width() != p.outWidth() || gradOutput.height() != p.outHeight()) {
            throw new IllegalArgumentException("history gradient " + gradOutput.channels() + "x" + gradOutput.width()
                    + "x" + gradOutput.height() + " does not match the eye's output (4 channels)");
        }
        checkGradient(head, gradHead);
        float[] go = gradOutput.data();
        int pixels = gradOutput.planeSize();
        for (int oy = 0; oy < p.outHeight(); oy++) {
            for (int ox = 0; ox < p.outWidth(); ox++) {
                int i = oy * p.outWidth() + ox;
                gradPixel[0] = go[i];
                gradPixel[1] = go[pixels + i];
                gradPixel[2] = go[2 * pixels + i];
                float gradWeight = go[3 * pixels + i];
                if (gradPixel[0] == 0f && gradPixel[1] == 0f && gradPixel[2] == 0f && gradWeight == 0f) {
                    continue;
                }
                pixel.evaluate(head, g, history, p, k, ox, oy);
                pixel.backwardThroughOutput(gradPixel, gradWeight, k, gradHead);
            }
        }
    }

    private static void checkGradient(Planes head, Planes gradHead) {
        if (!gradHead.sameShape(head)) {
            throw new IllegalArgumentException("head gradient shape differs from the head's");
        }
    }

    private static void check(Planes head, GBufferData g, EyeParams p, Planes y) {
        if (head.channels() < 6 || head.width() != g.width() || head.height() != g.height()) {
            throw new IllegalArgumentException("head " + head.channels() + "x" + head.width() + "x" + head.height()
                    + " does not match G-buffer " + g.width() + "x" + g.height() + " (6 or more channels)");
        }
        if (y.channels() != 3 || y.width() != p.outWidth() || y.height() != p.outHeight()) {
            throw new IllegalArgumentException("output planes " + y.channels() + "x" + y.width() + "x" + y.height()
                    + " do not match the eye's output " + p.outWidth() + "x" + p.outHeight() + " (3 channels)");
        }
    }
}
