package dev.ocular.vrnet;

import dev.ocular.gpu.frame.GBufferData;

/** One eye's frame on the host: its low-resolution G-buffer and parameters. */
public record EyeInput(GBufferData gbuffer, EyeParams params) {
}
