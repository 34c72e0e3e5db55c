package dev.ocular.gpu.raster;

import static org.lwjgl.vulkan.VK10.*;

/**
 * One colour attachment of a graphics pipeline: its format, how fragments combine with what is there, and which
 * channels they may write.
 *
 * @param writeMask VkColorComponentFlags; 0 leaves the attachment untouched (e.g. particles keep the motion vectors
 *                  of the surface behind them)
 */
public record ColourTarget(int format, Blend blend, int writeMask) {
    /** Fixed-function blending modes ocular's passes need. */
    public enum Blend {
        /** Fragment replaces the attachment. */
        NONE,
        /** dst + src·srcAlpha: light-emitting particles, order independent. */
        ADDITIVE,
        /** src·srcAlpha + dst·(1 − srcAlpha): classic transparency. */
        ALPHA
    }

    public static final int RGBA = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT
            | VK_COLOR_COMPONENT_A_BIT;

    public static ColourTarget opaque(int format) {
        return new ColourTarget(format, Blend.NONE, RGBA);
    }
}
