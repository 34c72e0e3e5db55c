#version 460
#extension GL_GOOGLE_include_directive : require
// SPATIAL baseline, pass 1: edge-adaptive, jitter-aware upsample to an RGBA16F intermediate.
// 4x4 tone-mapped taps; luma structure tensor of the centre 2x2 gives the gradient direction and coherence; plain
// separable Lanczos-2 blended by coherence with Lanczos-2 in the edge's frame, elongated along the edge; deringing
// clamp to the centre 2x2's range. CPU twin: dev.ocular.compositor.upscale.SpatialTaps / SpatialReference.upsample.
layout(local_size_x = 8, local_size_y = 8) in;

#include "spatial_common.glsl"

layout(set = 0, binding = 0) uniform sampler2DArray colourIn;
layout(set = 0, binding = 1, rgba16f) uniform writeonly image2D upsampled;
layout(push_constant) uniform Push {
    ivec2 inSize;
    ivec2 outSize;
    vec2 jitter;
    int layer;
    float edgeStretch;
} p;

vec3 rgb[16];
float luma[16];
float alpha[16];

// Gradient direction (xy, unit) and coherence (z) of the luma structure tensor at the four centre taps.
vec3 edge(float fx, float fy) {
    float a = 0.0;
    float b = 0.0;
    float c = 0.0;
    for (int cy = 1; cy <= 2; cy++) {
        for (int cx = 1; cx <= 2; cx++) {
            int t = cy * 4 + cx;
            float gx = 0.5 * (luma[t + 1] - luma[t - 1]);
            float gy = 0.5 * (luma[t + 4] - luma[t - 4]);
            float wb = (cx == 1 ? 1.0 - fx : fx) * (cy == 1 ? 1.0 - fy : fy);
            a += wb * gx * gx;
            b += wb * gx * gy;
            c += wb * gy * gy;
        }
    }
    float halfDiff = 0.5 * (a - c);
    float disc = sqrt(halfDiff * halfDiff + b * b);
    float trace = a + c;
    float coherence = trace > 0.0 ? (2.0 * disc / trace) * (2.0 * disc / trace) : 0.0;
    float nx = a >= c ? halfDiff + disc : b;
    float ny = a >= c ? b : disc - halfDiff;
    float len = sqrt(nx * nx + ny * ny);
    return len > 0.0 ? vec3(nx / len, ny / len, coherence) : vec3(1.0, 0.0, 0.0);
}

void main() {
    ivec2 o = ivec2(gl_GlobalInvocationID.xy);
    if (o.x >= p.outSize.x || o.y >= p.outSize.y) {
        return;
    }
    // Continuous sample-index coordinate: sample i lies at i + 0.5 + jitter.
    float u = (float(o.x) + 0.5) * (float(p.inSize.x) / float(p.outSize.x)) - 0.5 - p.jitter.x;
    float v = (float(o.y) + 0.5) * (float(p.inSize.y) / float(p.outSize.y)) - 0.5 - p.jitter.y;
    int i0 = int(floor(u));
    int j0 = int(floor(v));
    float fx = u - float(i0);
    float fy = v - float(j0);
    for (int jj = 0; jj < 4; jj++) {
        for (int ii = 0; ii < 4; ii++) {
            int t = jj * 4 + ii;
            ivec2 s = clamp(ivec2(i0 - 1 + ii, j0 - 1 + jj), ivec2(0), p.inSize - 1);
            vec4 c = texelFetch(colourIn, ivec3(s, p.layer), 0);
            rgb[t] = perceptual(c.rgb);
            luma[t] = perceptualLuma(rgb[t]);
            alpha[t] = c.a;
        }
    }
    vec3 e = edge(fx, fy);
    float shrink = 1.0 / (1.0 + p.edgeStretch * e.z);
    vec4 plain = vec4(0.0);
    vec4 aligned = vec4(0.0);
    float plainSum = 0.0;
    float alignedSum = 0.0;
    for (int jj = 0; jj < 4; jj++) {
        for (int ii = 0; ii < 4; ii++) {
            int t = jj * 4 + ii;
            float dx = float(ii - 1) - fx;
            float dy = float(jj - 1) - fy;
            float across = dx * e.x + dy * e.y;
            float along = (dy * e.x - dx * e.y) * shrink;
            float wp = lanczos2(dx) * lanczos2(dy);
            float we = lanczos2(across) * lanczos2(along);
            vec4 value = vec4(rgb[t], alpha[t]);
            plain += wp * value;
            aligned += we * value;
            plainSum += wp;
            alignedSum += we;
        }
    }
    // Deringing: the result stays within the range of the four nearest samples.
    vec4 c5 = vec4(rgb[5], alpha[5]);
    vec4 c6 = vec4(rgb[6], alpha[6]);
    vec4 c9 = vec4(rgb[9], alpha[9]);
    vec4 c10 = vec4(rgb[10], alpha[10]);
    vec4 lo = min(min(c5, c6), min(c9, c10));
    vec4 hi = max(max(c5, c6), max(c9, c10));
    vec4 pv = plain / plainSum;
    vec4 ev = aligned / alignedSum;
    vec4 result = clamp(pv + e.z * (ev - pv), lo, hi);
    imageStore(upsampled, o, vec4(fromPerceptual(result.rgb), result.a));
}
