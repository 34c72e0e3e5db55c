package dev.ocular.vrnet.train;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;

/**
 * One eye-frame of training data: the jittered low-resolution G-buffer the net consumes, its parameters (output size,
 * lens, reset on cuts) and the supersampled reference at output size (linear HDR, ≥ 3 channels).
 */
public record TrainFrame(GBufferData gbuffer, EyeParams params, ImageData reference) {
    public TrainFrame {
        if (reference.width() != params.outWidth() || reference.height() != params.outHeight()
                || reference.channels() < 3) {
            throw new IllegalArgumentException("reference " + reference.width() + "x" + reference.height() + "x"
                    + reference.channels() + " does not match the eye's output " + params.outWidth() + "x"
                    + params.outHeight());
        }
        params.checkRatio(0, gbuffer.width(), gbuffer.height());
    }
}
