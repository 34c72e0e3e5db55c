#version 460
// Reconstruct / fuse op: one invocation per output pixel, both eyes (z = eye). Interpolates the head's parameters,
// reconstructs the current frame from its jittered 3x3 low-resolution samples, blends the reprojected and
// neighbourhood-clamped history, adds the residual and writes linear RGBA16F.
// CPU twin: dev.ocular.vrnet.reference.FuseOp; formulas: vr-net/README.md, "Reconstruct / fuse".
#include "activations.glsl"
#include "tonemap.glsl"
#include "bilinear.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
layout(constant_id = 0) const float SIGMA_MIN = 0.3;
layout(constant_id = 1) const float SIGMA_MAX = 1.5;
layout(constant_id = 2) const float ALPHA_MIN = 0.03;
layout(constant_id = 3) const float ALPHA_MAX = 1.0;
layout(constant_id = 4) const float GAMMA_MIN = 0.5;
layout(constant_id = 5) const float GAMMA_MAX = 4.0;
layout(constant_id = 6) const float RESIDUAL_SCALE = 0.05;
const float VARIANCE_EPSILON = 1e-6;  // FuseOp.VARIANCE_EPSILON
const uint HEAD = 6;

layout(set = 0, binding = 0) uniform sampler2DArray colour0;
layout(set = 0, binding = 1) uniform sampler2DArray colour1;
layout(set = 0, binding = 2) uniform sampler2DArray motion0;
layout(set = 0, binding = 3) uniform sampler2DArray motion1;
layout(set = 0, binding = 4) uniform sampler2D history0;
layout(set = 0, binding = 5) uniform sampler2D history1;
layout(set = 0, binding = 6, std430) readonly buffer Head { ACT_T head[]; };
layout(set = 0, binding = 7, rgba16f) uniform writeonly image2D out0;
layout(set = 0, binding = 8, rgba16f) uniform writeonly image2D out1;

struct Eye {
    uint width, height, outWidth, outHeight, layer, historyValid, offset;
    float jitterX, jitterY;
};
layout(push_constant) uniform Push { Eye eye[2]; uint stride; } pc;

float sigmoid(float x) {
    return 1.0 / (1.0 + exp(-x));
}

vec4 colourTexel(uint e, ivec2 p, uint layer) {
    return e == 0 ? texelFetch(colour0, ivec3(p, layer), 0) : texelFetch(colour1, ivec3(p, layer), 0);
}

vec4 motionTexel(uint e, ivec2 p, uint layer) {
    return e == 0 ? texelFetch(motion0, ivec3(p, layer), 0) : texelFetch(motion1, ivec3(p, layer), 0);
}

vec4 historyTexel(uint e, ivec2 p) {
    return e == 0 ? texelFetch(history0, p, 0) : texelFetch(history1, p, 0);
}

float headTexel(Eye E, ivec2 p, uint c) {
    return float(head[E.offset + ((p.y + 1) * (E.width + 2) + p.x + 1) * pc.stride + c]);
}

void headAt(Eye E, vec2 pos, out float h[HEAD]) {
    BilinearTaps b = bilinearTaps(pos, ivec2(E.width, E.height));
    for (uint c = 0; c < HEAD; c++) {
        h[c] = mix(mix(headTexel(E, b.lo, c), headTexel(E, ivec2(b.hi.x, b.lo.y), c), b.t.x),
                   mix(headTexel(E, ivec2(b.lo.x, b.hi.y), c), headTexel(E, b.hi, c), b.t.x), b.t.y);
    }
}

vec2 motionAt(uint e, Eye E, vec2 pos) {
    BilinearTaps b = bilinearTaps(pos, ivec2(E.width, E.height));
    return bilinearMix(motionTexel(e, b.lo, E.layer), motionTexel(e, ivec2(b.hi.x, b.lo.y), E.layer),
                       motionTexel(e, ivec2(b.lo.x, b.hi.y), E.layer), motionTexel(e, b.hi, E.layer), b.t).rg;
}

vec3 historyAt(uint e, vec2 q, ivec2 size) {
    BilinearTaps b = bilinearTaps(q, size);
    return bilinearMix(historyTexel(e, b.lo), historyTexel(e, ivec2(b.hi.x, b.lo.y)),
                       historyTexel(e, ivec2(b.lo.x, b.hi.y)), historyTexel(e, b.hi), b.t).rgb;
}

void main() {
    const uint e = gl_WorkGroupID.z;
    const Eye E = pc.eye[e];
    const uvec2 o = gl_GlobalInvocationID.xy;
    if (o.x >= E.outWidth || o.y >= E.outHeight) {
        return;
    }
    const vec2 s = vec2(float(E.outWidth) / float(E.width), float(E.outHeight) / float(E.height));
    const vec2 pos = vec2((float(o.x) + 0.5) / s.x, (float(o.y) + 0.5) / s.y);  // in low-resolution pixels
    float h[HEAD];
    headAt(E, pos, h);
    const float sigma = SIGMA_MIN + (SIGMA_MAX - SIGMA_MIN) * sigmoid(h[0]);
    const float alpha = ALPHA_MIN + (ALPHA_MAX - ALPHA_MIN) * sigmoid(h[1]);
    const float gamma = GAMMA_MIN + (GAMMA_MAX - GAMMA_MIN) * sigmoid(h[2]);

    // Jitter-aware Gaussian reconstruction over the 3x3 samples nearest the output pixel.
    const ivec2 centre = min(ivec2(floor(pos)), ivec2(E.width - 1, E.height - 1));
    vec3 weighted = vec3(0.0), sum = vec3(0.0), sumSquares = vec3(0.0);
    float weightSum = 0.0, coverageSum = 0.0, count = 0.0;
    for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
            const ivec2 n = centre + ivec2(dx, dy);
            if (n.x < 0 || n.y < 0 || n.x >= int(E.width) || n.y >= int(E.height)) {
                continue;
            }
            const vec4 c = colourTexel(e, n, E.layer);
            const vec3 t = toneMap(c.rgb);
            const vec2 d = pos - (vec2(n) + 0.5 + vec2(E.jitterX, E.jitterY));
            const float w = exp(-(d.x * d.x + d.y * d.y) / (2.0 * sigma * sigma));
            weighted += w * t;
            sum += t;
            sumSquares += t * t;
            coverageSum += w * c.a;
            weightSum += w;
            count += 1.0;
        }
    }
    vec3 blended = weighted / weightSum;

    const vec2 q = vec2(o) + 0.5 + motionAt(e, E, pos) * s;  // reprojected position in last frame's output
    const bool valid = E.historyValid != 0 && q.x >= 0.0 && q.x <= float(E.outWidth) && q.y >= 0.0
            && q.y <= float(E.outHeight);
    if (valid) {
        const vec3 mean = sum / count;
        const vec3 sd = sqrt(max(sumSquares / count - mean * mean, vec3(0.0)) + VARIANCE_EPSILON);
        const vec3 hist = toneMap(historyAt(e, q, ivec2(E.outWidth, E.outHeight)));
        const vec3 clamped = min(max(hist, mean - gamma * sd), mean + gamma * sd);
        blended = alpha * blended + (1.0 - alpha) * clamped;
    }
    const vec3 residual = RESIDUAL_SCALE * tanh(vec3(h[3], h[4], h[5]));
    const vec3 y = clamp(blended + residual, vec3(0.0), vec3(MAX_TONEMAPPED));
    const vec4 result = vec4(toneMapInverse(y), coverageSum / weightSum);
    if (e == 0) {
        imageStore(out0, ivec2(o), result);
    } else {
        imageStore(out1, ivec2(o), result);
    }
}
