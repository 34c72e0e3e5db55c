package dev.ocular.distortion.gpu;

/**
 * Where the per-pixel kernel gets a channel's texture coordinate from: one of the radial families evaluated in GLSL,
 * or a table of exact values at pixel centres for every other model. Each is one variant of
 * {@code panel_per_pixel.comp}, selected by the {@code LENS_SOURCE} define (values must match the shader).
 */
public enum LensSource {
    /** Per-pixel table of the model's UVs, computed in double precision on the CPU: any {@code LensModel}. */
    TABLE(0),
    /** {@code PolynomialRadial}: Panotools/OpenHMD and radial Brown–Conrady, g(r)/r = s·Σ kᵢ rⁱ. */
    POLYNOMIAL(1),
    /** {@code RationalRadial}: Valve's DPOLY3, g(r)/r = 1 / (1 + c0 r² + c1 r⁴ + c2 r⁶). */
    RATIONAL(2),
    /** {@code CatmullRomRadial}: g(r)/r = S(r²/span)·(1 + a0 + a1 r²). */
    CATMULL_ROM(3);

    private final int define;

    LensSource(int define) {
        this.define = define;
    }

    /** Value of the shader's {@code LENS_SOURCE} define. */
    public int define() {
        return define;
    }
}
