#version 460
// Classic jitter-aware resampling baselines: bilinear, Catmull-Rom bicubic, Lanczos-2 (RESAMPLE_KERNEL 0, 1, 2).
// Sample (x, y) of the low-resolution colour sits at (x + 0.5 + jitter) — docs/conventions.md — so the output pixel's
// position is shifted by the jitter before weighting. Edges clamp; weights are normalised.
// CPU twin: dev.ocular.compositor.upscale.ClassicResample.
layout(local_size_x = 8, local_size_y = 8) in;

layout(set = 0, binding = 0) uniform sampler2DArray colourIn;
layout(set = 0, binding = 1, rgba16f) uniform writeonly image2D colourOut;
layout(push_constant) uniform Push {
    ivec2 inSize;
    ivec2 outSize;
    vec2 jitter;
    int layer;
} p;

#if RESAMPLE_KERNEL == 0
const int RADIUS = 1;
float weight(float x) { return max(0.0, 1.0 - abs(x)); }
#elif RESAMPLE_KERNEL == 1
const int RADIUS = 2;
float weight(float x) {
    float a = abs(x);
    if (a < 1.0) return (1.5 * a - 2.5) * a * a + 1.0;
    if (a < 2.0) return ((-0.5 * a + 2.5) * a - 4.0) * a + 2.0;
    return 0.0;
}
#else
const int RADIUS = 2;
const float PI = 3.14159265358979;
float sinc(float x) { return sin(PI * x) / (PI * x); }
float weight(float x) {
    float a = abs(x);
    if (a < 1e-6) return 1.0;
    return a < 2.0 ? sinc(a) * sinc(0.5 * a) : 0.0;
}
#endif

void main() {
    ivec2 o = ivec2(gl_GlobalInvocationID.xy);
    if (o.x >= p.outSize.x || o.y >= p.outSize.y) {
        return;
    }
    vec2 scale = vec2(p.inSize) / vec2(p.outSize);
    vec2 uv = (vec2(o) + 0.5) * scale - 0.5 - p.jitter;
    ivec2 base = ivec2(floor(uv));
    vec4 acc = vec4(0.0);
    float wsum = 0.0;
    for (int j = base.y - RADIUS + 1; j <= base.y + RADIUS; j++) {
        float wy = weight(uv.y - float(j));
        for (int i = base.x - RADIUS + 1; i <= base.x + RADIUS; i++) {
            float w = wy * weight(uv.x - float(i));
            if (w == 0.0) {
                continue;
            }
            ivec2 t = clamp(ivec2(i, j), ivec2(0), p.inSize - 1);
            acc += w * texelFetch(colourIn, ivec3(t, p.layer), 0);
            wsum += w;
        }
    }
    imageStore(colourOut, o, acc / wsum);
}
