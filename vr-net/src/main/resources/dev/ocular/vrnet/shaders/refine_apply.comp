#version 460
// Refine stage, last step (spec version 4): adds the refine residual (the last refine layer's 3 channels, at output
// resolution, or the filter its k*k weight channels make when KERNEL is k), scaled by the contrast gate g, to each
// eye's output in tone-mapped space:
// rgb' = T^-1(clamp(clamp(T(rgb) + g*r, lo, hi), 0, MAX_TONEMAPPED)), g = min(1, R / GATE) (1 when GATE is 0), R the
// largest per-channel range of T(rgb) over the 3x3 neighbourhood, clamped at the eye's edges (reference/ContrastGate),
// [lo, hi] that channel's own 3x3 range when CLAMP is set, else unbounded; with
// T(rgb) read from the refine input the fuse kernel wrote (unrounded, where the stored output is fp16: T^-1's slope
// near the clamp would magnify the store's rounding), a zero residual leaving a channel exactly as stored; alpha
// (coverage) is kept. Writes the output image in place. Only the shown output changes: the
// history the fuse op wrote stays the fused pixel. CPU twin: dev.ocular.vrnet.reference.RefineOp.apply / refined;
// tolerances: gpu/RefineApplyKernel.java; formulas: vr-net/README.md, "Refine".
#include "activations.glsl"
#include "tonemap.glsl"
#include "perceptual.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
// NetSpec.refineGate: the contrast (tone-mapped units) at which the residual passes whole.
layout(constant_id = 0) const float GATE = 0.0;
// NetSpec.refineKernel: 0, the residual buffer holds the residual; k, it holds k*k filter weights per pixel and the
// residual is their filter over the colour's differences (reference/KernelResidual).
layout(constant_id = 1) const int KERNEL = 0;
// NetSpec.refineClamp: keep each refined channel within its 3x3 neighbourhood's range (no overshoot).
layout(constant_id = 2) const bool CLAMP = false;

#ifdef ACT_F16
// fp16 activations are read as 32-bit words and unpacked: Mesa 26.1.6's lavapipe at its default vector width
// mis-addresses some of this kernel's 16-bit loads on an AVX-512 host (RefineApplyKernelTest, KERNEL 5, gate 0.5:
// NMSE 0.57; exact at LP_NATIVE_VECTOR_WIDTH=128, and on the host the suite ran on until 2026-12-06). Buffers are
// allocated in whole 4-byte words (RefineApplyKernel.record checks), so the last element's word is in range.
layout(set = 0, binding = 0, std430) readonly buffer Base { uint baseWords[]; };
layout(set = 0, binding = 1, std430) readonly buffer Residual { uint residualWords[]; };
float base(uint i) { return unpackHalf2x16(baseWords[i >> 1])[i & 1u]; }
float residual(uint i) { return unpackHalf2x16(residualWords[i >> 1])[i & 1u]; }
#else
layout(set = 0, binding = 0, std430) readonly buffer Base { float baseFloats[]; };
layout(set = 0, binding = 1, std430) readonly buffer Residual { float residualFloats[]; };
float base(uint i) { return baseFloats[i]; }
float residual(uint i) { return residualFloats[i]; }
#endif
layout(set = 0, binding = 2, rgba16f) uniform image2D out0;
layout(set = 0, binding = 3, rgba16f) uniform image2D out1;

struct Eye {
    uint width, height, offset;
};
layout(push_constant) uniform Push { Eye eye[2]; uint stride; } pc;

// RefineOp.refined for one channel: the stored value, its tone-mapped fp32 twin, the residual, the bounds.
float refined(float stored, float y, float r, float lo, float hi) {
    if (r == 0.0) {
        return stored;
    }
    return toneMapInverse(vec3(clamp(min(max(y + r, lo), hi), 0.0, MAX_TONEMAPPED))).x;
}

// The refine input's tone-mapped colour channel c at o, o clamped into the eye.
float colourAt(Eye E, ivec2 o, uint c) {
    const int x = clamp(o.x, 0, int(E.width) - 1);
    const int y = clamp(o.y, 0, int(E.height) - 1);
    return base(E.offset + ((y + 1) * (E.width + 2) + x + 1) * pc.stride + c);
}

// ContrastGate.extremes: channel c's (min, max) over the 3x3 neighbourhood of the refine input's colour.
vec2 extremes(Eye E, ivec2 o, uint c) {
    float hi = -1.0 / 0.0;
    float lo = 1.0 / 0.0;
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++) {
            float v = colourAt(E, o + ivec2(i, j), c);
            hi = max(hi, v);
            lo = min(lo, v);
        }
    }
    return vec2(lo, hi);
}

// KernelResidual.residual for the three colour channels at once: sum over taps t (row-major) of
// w_t * (colour(o + t) - colour(o)), in the same order of additions. Each weight is read once, as fp32, before any
// arithmetic: reading it per channel inside the tap loop made Mesa 26.1's lavapipe mis-address some fp16 loads past the
// ninth tap (RefineApplyKernelTest, KERNEL 5 with fp16 activations), and once per pixel is what the loop needs anyway.
vec3 residualOf(Eye E, ivec2 o, uint at) {
    if (KERNEL == 0) {
        return vec3(residual(at), residual(at + 1), residual(at + 2));
    }
    const int reach = KERNEL / 2;
    const vec3 centre = vec3(base(at), base(at + 1), base(at + 2));
    vec3 sum = vec3(0.0);
    uint t = 0;
    for (int dy = -reach; dy <= reach; dy++) {
        for (int dx = -reach; dx <= reach; dx++, t++) {
            const float w = residual(at + t);
            const ivec2 n = o + ivec2(dx, dy);
            for (uint c = 0; c < 3; c++) {
                // precise: no fused multiply-add, so the sum rounds as the CPU twin's does.
                precise float term = w * (colourAt(E, n, c) - centre[c]);
                sum[c] += term;
            }
        }
    }
    return sum;
}

void main() {
    const uint e = gl_WorkGroupID.z;
    const Eye E = pc.eye[e];
    const ivec2 o = ivec2(gl_GlobalInvocationID.xy);
    if (o.x >= int(E.width) || o.y >= int(E.height)) {
        return;
    }
    const uint at = E.offset + ((o.y + 1) * (E.width + 2) + o.x + 1) * pc.stride;
    vec4 v = e == 0 ? imageLoad(out0, o) : imageLoad(out1, o);
    // ContrastGate.range: the largest of the channels' ranges.
    vec2 bounds[3];
    float range = -1.0;
    for (uint c = 0; c < 3; c++) {
        bounds[c] = extremes(E, o, c);
        range = max(range, bounds[c].y - bounds[c].x);
    }
    const float g = GATE == 0.0 ? 1.0 : min(1.0, range / GATE);
    const vec3 r = residualOf(E, o, at);
    for (uint c = 0; c < 3; c++) {
        const vec2 b = CLAMP ? bounds[c] : vec2(-1.0 / 0.0, 1.0 / 0.0);
        v[c] = refined(v[c], base(at + c), g * r[c], b.x, b.y);
    }
    // Round to nearest before the store, as the fuse op's stores do (Perceptual.fp16).
    v = fp16(v);
    if (e == 0) {
        imageStore(out0, o, v);
    } else {
        imageStore(out1, o, v);
    }
}
