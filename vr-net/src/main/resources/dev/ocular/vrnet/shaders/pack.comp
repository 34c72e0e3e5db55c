#version 460
// Pack op: builds the net's input tensor at low resolution for both eyes (z = eye). One invocation per pixel.
// CPU twin: dev.ocular.vrnet.reference.PackOp; channel definitions: vr-net/README.md, "Pack".
#include "activations.glsl"
#include "tonemap.glsl"
#include "bilinear.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
layout(constant_id = 0) const float MOTION_SOFTSIGN = 8.0;
// The spec's input channels: the 14 every spec has, then its optional ones (NetSpec.OPTIONAL_INPUTS), whose channel
// indices follow (-1: not in the spec).
layout(constant_id = 1) const uint INPUTS = 14;
layout(constant_id = 2) const int UPSCALE_AT = -1;
layout(constant_id = 3) const int DISOCCLUSION_AT = -1;
layout(constant_id = 4) const float DISOCCLUSION_SOFTSIGN = 0.25;
// PackOp.MIN_DEPTH: reverse-Z puts the far plane at 0, so depths are floored before their log ratio.
const float MIN_DEPTH = 1e-6;

// Per-eye inputs as separate bindings (eye 1's repeat eye 0's for a single eye); array views so a multiview
// G-buffer's layer can be addressed.
layout(set = 0, binding = 0) uniform sampler2DArray colour0;
layout(set = 0, binding = 1) uniform sampler2DArray colour1;
layout(set = 0, binding = 2) uniform sampler2DArray depth0;
layout(set = 0, binding = 3) uniform sampler2DArray depth1;
layout(set = 0, binding = 4) uniform sampler2DArray motion0;
layout(set = 0, binding = 5) uniform sampler2DArray motion1;
layout(set = 0, binding = 6) uniform sampler2D history0;
layout(set = 0, binding = 7) uniform sampler2D history1;
layout(set = 0, binding = 8, std430) writeonly buffer Act { ACT_T act[]; };
// Each eye's low-resolution depth: last frame's (read by the disocclusion input) and this frame's (written for the
// next frame), in two images that alternate (GpuVrNet). Written whatever the spec, so the pair stays current.
layout(set = 0, binding = 9) uniform sampler2D previousDepth0;
layout(set = 0, binding = 10) uniform sampler2D previousDepth1;
layout(set = 0, binding = 11, r32f) uniform writeonly image2D nextDepth0;
layout(set = 0, binding = 12, r32f) uniform writeonly image2D nextDepth1;

struct Eye {
    uint width, height, outWidth, outHeight, layer, historyValid, offset;
    float jitterX, jitterY, lensU, lensV, lensScaleX, lensScaleY;
    uint depthValid;  // previousDepth holds last frame's depth at this eye's low-resolution size
};
layout(push_constant) uniform Push { Eye eye[2]; uint stride; uint channels; } pc;

const uint BASE_INPUTS = 14;

vec4 historyTexel(uint e, ivec2 p) {
    return e == 0 ? texelFetch(history0, p, 0) : texelFetch(history1, p, 0);
}

vec3 historyAt(uint e, vec2 q, ivec2 size) {
    BilinearTaps b = bilinearTaps(q, size);
    return bilinearMix(historyTexel(e, b.lo), historyTexel(e, ivec2(b.hi.x, b.lo.y)),
                       historyTexel(e, ivec2(b.lo.x, b.hi.y)), historyTexel(e, b.hi), b.t).rgb;
}

float previousDepthAt(uint e, ivec2 p) {
    return e == 0 ? texelFetch(previousDepth0, p, 0).r : texelFetch(previousDepth1, p, 0).r;
}

// PackOp.disocclusion: of the four texels a bilinear lookup at q would read, the log2 depth ratio closest to 0
// (the first in this order on a tie), softsigned.
float disocclusion(uint e, vec2 q, ivec2 size, float depth) {
    const BilinearTaps b = bilinearTaps(q, size);
    const float here = max(depth, MIN_DEPTH);
    float best = 3.0e38;
    for (uint k = 0; k < 4; k++) {
        const ivec2 t = ivec2((k & 1) != 0 ? b.hi.x : b.lo.x, (k & 2) != 0 ? b.hi.y : b.lo.y);
        const float l = log2(max(previousDepthAt(e, t), MIN_DEPTH) / here);
        if (abs(l) < abs(best)) {
            best = l;
        }
    }
    return best / (DISOCCLUSION_SOFTSIGN + abs(best));
}

void main() {
    const uint e = gl_WorkGroupID.z;
    const Eye E = pc.eye[e];
    const uvec2 p = gl_GlobalInvocationID.xy;
    if (p.x >= E.width || p.y >= E.height) {
        return;
    }
    const ivec3 at = ivec3(p, E.layer);
    const vec4 colour = e == 0 ? texelFetch(colour0, at, 0) : texelFetch(colour1, at, 0);
    const float depth = (e == 0 ? texelFetch(depth0, at, 0) : texelFetch(depth1, at, 0)).r;
    const vec2 motion = (e == 0 ? texelFetch(motion0, at, 0) : texelFetch(motion1, at, 0)).rg;
    if (e == 0) {
        imageStore(nextDepth0, ivec2(p), vec4(depth));
    } else {
        imageStore(nextDepth1, ivec2(p), vec4(depth));
    }

    float v[BASE_INPUTS];
    const vec3 t = toneMap(colour.rgb);
    v[0] = t.r;
    v[1] = t.g;
    v[2] = t.b;
    v[3] = depth;
    v[4] = motion.x / (MOTION_SOFTSIGN + abs(motion.x));
    v[5] = motion.y / (MOTION_SOFTSIGN + abs(motion.y));
    v[6] = ((float(p.x) + 0.5) / float(E.width) - E.lensU) * E.lensScaleX;
    v[7] = ((float(p.y) + 0.5) / float(E.height) - E.lensV) * E.lensScaleY;
    v[8] = E.jitterX;
    v[9] = E.jitterY;
    // Where this pixel's surface was last frame, in output pixels (motion is current -> previous).
    const float sx = float(E.outWidth) / float(E.width);
    const float sy = float(E.outHeight) / float(E.height);
    const vec2 q = vec2((float(p.x) + 0.5 + motion.x) * sx, (float(p.y) + 0.5 + motion.y) * sy);
    const bool valid = E.historyValid != 0 && q.x >= 0.0 && q.x <= float(E.outWidth) && q.y >= 0.0
            && q.y <= float(E.outHeight);
    const vec3 h = valid ? toneMap(historyAt(e, q, ivec2(E.outWidth, E.outHeight))) : vec3(0.0);
    v[10] = h.r;
    v[11] = h.g;
    v[12] = h.b;
    v[13] = valid ? 1.0 : 0.0;
    // log2 of the ratios' geometric mean, minus 1 (PackOp.upscale): 0 at 2x.
    const float upscale = 0.5 * log2(sx * sy) - 1.0;
    float depthChange = 0.0;
    if (DISOCCLUSION_AT >= 0 && valid && E.depthValid != 0) {
        // Where the surface was last frame in low-resolution pixels (the previous depth's size is this frame's).
        const vec2 r = vec2(float(p.x) + 0.5 + motion.x, float(p.y) + 0.5 + motion.y);
        depthChange = disocclusion(e, r, ivec2(E.width, E.height), depth);
    }

    const uint base = E.offset + ((p.y + 1) * (E.width + 2) + p.x + 1) * pc.stride;
    for (uint c = 0; c < pc.channels; c++) {
        // Channels past the inputs pad to the conv's K multiple.
        const float value = c < BASE_INPUTS ? v[c]
                : int(c) == UPSCALE_AT ? upscale : int(c) == DISOCCLUSION_AT ? depthChange : 0.0;
        act[base + c] = ACT_T(value);
    }
}
