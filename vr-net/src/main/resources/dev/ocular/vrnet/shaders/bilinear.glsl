// Bilinear taps at a continuous position in pixel units (pixel centres at +0.5), clamped to the edge: the twin of
// reference/Bilinear.java. Kernels fetch the four texels themselves with texelFetch, so the weights are exact fp32
// rather than a hardware sampler's reduced sub-texel precision.
struct BilinearTaps {
    ivec2 lo;   // top-left texel, clamped
    ivec2 hi;   // bottom-right texel, clamped
    vec2 t;     // interpolation weights of hi
};

BilinearTaps bilinearTaps(vec2 position, ivec2 size) {
    vec2 f = position - 0.5;
    vec2 base = floor(f);
    ivec2 i0 = ivec2(base);
    BilinearTaps taps;
    taps.lo = clamp(i0, ivec2(0), size - 1);
    taps.hi = clamp(i0 + 1, ivec2(0), size - 1);
    taps.t = f - base;
    return taps;
}

vec4 bilinearMix(vec4 v00, vec4 v10, vec4 v01, vec4 v11, vec2 t) {
    return mix(mix(v00, v10, t.x), mix(v01, v11, t.x), t.y);
}
