package dev.ocular.distortion.gpu;

import java.util.Locale;

/** The two ways the GPU pass finds each panel pixel's texture coordinates. */
public enum PanelVariant {
    /**
     * A graphics pipeline draws each eye's {@link dev.ocular.distortion.mesh.DistortionMesh}; the rasteriser
     * interpolates the three UV pairs linearly over each triangle (CPU twin:
     * {@code CpuDistortionPass.viaMesh(…, MeshInterpolation.TRIANGLES, …)}).
     */
    MESH,
    /**
     * A compute shader evaluates the lens at every panel pixel centre: radial families analytically in GLSL, any
     * other model from a table of its exact values at the pixel centres (CPU twin: {@code CpuDistortionPass.perPixel}).
     */
    PER_PIXEL;

    /** The name used on command lines and in reports, e.g. {@code per-pixel}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
