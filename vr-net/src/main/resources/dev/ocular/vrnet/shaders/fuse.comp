#version 460
// Reconstruct / fuse op (spec version 2): one invocation per output pixel, both eyes (z = eye). The TAAU resolve with
// its kernel width sigma, history cap and clip gamma modulated per pixel by the head, plus a residual in perceptual
// YCoCg:
//   gather:  3x3 jittered low-resolution samples (perceptual YCoCg moments, sharp and smooth estimates, coverage),
//            closest-depth motion (Karis 2014), history by Lanczos-3 over perceptual taps, its weight bilinear
//   resolve: head -> sigma, cap, gamma; variance clip with rejection; (A*history + W*current + pad*smooth) / sum;
//            + residual; back to linear RGB
// Writes two RGBA16F images per eye: the output (RGB, A = coverage) and the next history (RGB, A = accumulated weight
// in samples), rounded to fp16 to nearest before the stores (see fp16 in perceptual.glsl). REFINE (spec version 3)
// also writes the refine stage's input at output resolution: T(rgb), then the head's GUIDES guide channels
// interpolated like its parameters, zeros up to the padded channel count (reference/RefineOp.input).
// CPU twin: dev.ocular.vrnet.reference.FuseOp / FuseSample (same maths, same order of operations); tolerances:
// gpu/FuseKernel.java; formulas: vr-net/README.md, "Reconstruct / fuse".
#include "activations.glsl"
#include "tonemap.glsl"
#include "bilinear.glsl"
#include "perceptual.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
// model/FuseConstants, in its order (FuseKernel wires them).
layout(constant_id = 0) const float SIGMA_BASE = 0.35;
layout(constant_id = 1) const float SIGMA_OCTAVES = 1.0;
layout(constant_id = 2) const float CAP_OCTAVES = 2.0;
layout(constant_id = 3) const float GAMMA_BASE = 1.5;
layout(constant_id = 4) const float GAMMA_OCTAVES = 1.0;
layout(constant_id = 5) const float RESIDUAL_SCALE = 0.05;
layout(constant_id = 6) const float MAX_HISTORY = 10.0;
layout(constant_id = 7) const float MIN_HISTORY = 3.0;
layout(constant_id = 8) const float FAST_MOTION = 1.0;
layout(constant_id = 9) const float REJECTION = 1.0;
// Guide channels after the six parameters (NetSpec.guides); only the REFINE variant reads them.
layout(constant_id = 10) const uint GUIDES = 0;
const float SMOOTH_SHARPNESS = 2.29;    // FuseSample.SMOOTH_SHARPNESS
const float CLIP_EPSILON = 1.0 / 1024.0; // FuseSample.CLIP_EPSILON
const float FP16_MAX = 65504.0;          // FuseSample.FP16_MAX
const uint HEAD = 6;

layout(set = 0, binding = 0) uniform sampler2DArray colour0;
layout(set = 0, binding = 1) uniform sampler2DArray colour1;
layout(set = 0, binding = 2) uniform sampler2DArray depth0;
layout(set = 0, binding = 3) uniform sampler2DArray depth1;
layout(set = 0, binding = 4) uniform sampler2DArray motion0;
layout(set = 0, binding = 5) uniform sampler2DArray motion1;
layout(set = 0, binding = 6) uniform sampler2D history0;
layout(set = 0, binding = 7) uniform sampler2D history1;
layout(set = 0, binding = 8, std430) readonly buffer Head { ACT_T head[]; };
layout(set = 0, binding = 9, rgba16f) uniform writeonly image2D out0;
layout(set = 0, binding = 10, rgba16f) uniform writeonly image2D out1;
layout(set = 0, binding = 11, rgba16f) uniform writeonly image2D nextHistory0;
layout(set = 0, binding = 12, rgba16f) uniform writeonly image2D nextHistory1;
#ifdef REFINE
// The refine input tensor at output resolution (gpu/ActivationLayout with the output sizes).
layout(set = 0, binding = 13, std430) writeonly buffer RefineIn { ACT_T refineIn[]; };
#endif

struct Eye {
    uint width, height, outWidth, outHeight, layer, historyValid, offset;
    float jitterX, jitterY;
};
// refine*: the refine input's layout (pixel stride, channels to write = the first refine layer's padded input, eye
// offsets); unused without REFINE.
layout(push_constant) uniform Push {
    Eye eye[2];
    uint stride;
    uint refineStride;
    uint refineChannels;
    uint refineOffset[2];
} pc;

// tanh saturates to exactly 1.0 in fp32 beyond |x| ~ 9; clamping first keeps exp-based implementations of tanh from
// computing inf / inf = NaN for a large head value, and changes no result.
float saturatingTanh(float x) {
    return tanh(clamp(x, -15.0, 15.0));
}

// HeadParams.octaves: 2^(range * tanh h).
float octaves(float range, float h) {
    return exp2(range * saturatingTanh(h));
}

vec4 colourTexel(uint e, ivec3 p) {
    return e == 0 ? texelFetch(colour0, p, 0) : texelFetch(colour1, p, 0);
}

float depthTexel(uint e, ivec3 p) {
    return (e == 0 ? texelFetch(depth0, p, 0) : texelFetch(depth1, p, 0)).r;
}

vec2 motionTexel(uint e, ivec3 p) {
    return (e == 0 ? texelFetch(motion0, p, 0) : texelFetch(motion1, p, 0)).rg;
}

// History texel with ImageData.clamped's edge rule.
vec4 historyTexel(uint e, Eye E, int x, int y) {
    ivec2 p = clamp(ivec2(x, y), ivec2(0), ivec2(E.outWidth, E.outHeight) - 1);
    return e == 0 ? texelFetch(history0, p, 0) : texelFetch(history1, p, 0);
}

float headTexel(Eye E, ivec2 p, uint c) {
    return float(head[E.offset + ((p.y + 1) * (E.width + 2) + p.x + 1) * pc.stride + c]);
}

// FuseOp.headAt: the head's six raw values bilinearly interpolated at pos (low-resolution pixels).
void headAt(Eye E, vec2 pos, out float h[HEAD]) {
    BilinearTaps b = bilinearTaps(pos, ivec2(E.width, E.height));
    for (uint c = 0; c < HEAD; c++) {
        h[c] = mix(mix(headTexel(E, b.lo, c), headTexel(E, ivec2(b.hi.x, b.lo.y), c), b.t.x),
                   mix(headTexel(E, ivec2(b.lo.x, b.hi.y), c), headTexel(E, b.hi, c), b.t.x), b.t.y);
    }
}

#ifdef REFINE
// RefineOp.input: T(rgb) of the unrounded output, the guides at the parameters' position, zero padding channels.
void writeRefineInput(uint e, Eye E, ivec2 o, vec2 pos, vec3 rgb) {
    const uint base = pc.refineOffset[e] + ((o.y + 1) * (E.outWidth + 2) + o.x + 1) * pc.refineStride;
    const vec3 y = toneMap(rgb);
    BilinearTaps b = bilinearTaps(pos, ivec2(E.width, E.height));
    for (uint c = 0; c < pc.refineChannels; c++) {
        float v = 0.0;
        if (c < 3) {
            v = y[c];
        } else if (c < 3 + GUIDES) {
            uint h = HEAD + c - 3;
            v = mix(mix(headTexel(E, b.lo, h), headTexel(E, ivec2(b.hi.x, b.lo.y), h), b.t.x),
                    mix(headTexel(E, ivec2(b.lo.x, b.hi.y), h), headTexel(E, b.hi, h), b.t.x), b.t.y);
        }
        refineIn[base + c] = ACT_T(v);
    }
}
#endif

// What FuseSample.gather keeps for resolve.
struct Gathered {
    vec3 colour[9];    // perceptual YCoCg of the clamped samples
    float distance2[9]; // squared distance to the output pixel centre, in output pixels
    float alpha[9];
    vec3 mean;
    vec3 sd;
    vec3 smoothMean;
    float massBase;    // sx * sy / (2 pi): kernel weight -> samples, before dividing by sigma^2
    float speed;       // closest sample's motion, output pixels per frame
    bool valid;
    vec4 history;      // perceptual YCoCg colour, accumulated weight
};

// FuseSample.sampleHistory: history at (px, py) in last frame's output pixels; false when off-screen.
bool sampleHistory(uint e, Eye E, float px, float py, out vec4 hist) {
    hist = vec4(0.0);
    if (!(px >= 0.0 && px <= float(E.outWidth) && py >= 0.0 && py <= float(E.outHeight))) {
        return false;
    }
    float u = px - 0.5;
    float v = py - 0.5;
    int i0 = int(floor(u));
    int j0 = int(floor(v));
    float fx = u - float(i0);
    float fy = v - float(j0);
    float wx[6];
    float wy[6];
    lanczos3(fx, wx);
    lanczos3(fy, wy);
    vec3 rgb = vec3(0.0);
    for (int j = 0; j < 6; j++) {
        for (int i = 0; i < 6; i++) {
            float w = wx[i] * wy[j];
            rgb += w * toPerceptual(historyTexel(e, E, i0 - 2 + i, j0 - 2 + j).rgb);
        }
    }
    float a00 = historyTexel(e, E, i0, j0).a;
    float a10 = historyTexel(e, E, i0 + 1, j0).a;
    float a01 = historyTexel(e, E, i0, j0 + 1).a;
    float a11 = historyTexel(e, E, i0 + 1, j0 + 1).a;
    float top = a00 + (a10 - a00) * fx;
    float bottom = a01 + (a11 - a01) * fx;
    hist = vec4(toYCoCg(rgb), top + (bottom - top) * fy);
    return true;
}

// FuseSample.gather for output pixel o.
Gathered gather(uint e, Eye E, ivec2 o) {
    Gathered g;
    float sx = float(E.outWidth) / float(E.width);
    float sy = float(E.outHeight) / float(E.height);
    g.massBase = sx * sy / (2.0 * PERCEPTUAL_PI);
    float px = float(o.x) + 0.5;
    float py = float(o.y) + 0.5;
    float qx = px / sx;
    float qy = py / sy;
    int cx = int(floor(qx - E.jitterX));
    int cy = int(floor(qy - E.jitterY));
    vec3 sum = vec3(0.0);
    vec3 squares = vec3(0.0);
    vec3 smoothSum = vec3(0.0);
    float smoothWeight = 0.0;
    float closest = -1.0; // below any reverse-Z depth in [0, 1]
    vec2 motion = vec2(0.0);
    int n = 0;
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++, n++) {
            int ix = cx + i;
            int iy = cy + j;
            ivec3 t = ivec3(clamp(ix, 0, int(E.width) - 1), clamp(iy, 0, int(E.height) - 1), int(E.layer));
            // Positions use the unclamped index: the edge sample is extended, not moved.
            float lx = float(ix) + 0.5 + E.jitterX;
            float ly = float(iy) + 0.5 + E.jitterY;
            float dx = lx * sx - px;
            float dy = ly * sy - py;
            g.distance2[n] = dx * dx + dy * dy;
            float ex = lx - qx;
            float ey = ly - qy;
            float wSmooth = exp(-SMOOTH_SHARPNESS * (ex * ex + ey * ey));
            vec4 c = colourTexel(e, t);
            vec3 s = toPerceptualYCoCg(clamp(c.rgb, 0.0, FP16_MAX));
            g.colour[n] = s;
            sum += s;
            squares += s * s;
            smoothSum += wSmooth * s;
            smoothWeight += wSmooth;
            g.alpha[n] = c.a;
            float depth = depthTexel(e, t);
            if (depth > closest) {
                closest = depth;
                motion = motionTexel(e, t) * vec2(sx, sy);
            }
        }
    }
    g.mean = sum / 9.0;
    g.sd = sqrt(max(squares / 9.0 - g.mean * g.mean, vec3(0.0)));
    g.smoothMean = smoothSum / smoothWeight;
    g.speed = sqrt(motion.x * motion.x + motion.y * motion.y);
    g.valid = E.historyValid != 0 && sampleHistory(e, E, px + motion.x, py + motion.y, g.history);
    return g;
}

// FuseSample.clip: clips history toward the mean into mu +- gamma*sd; returns the factor its weight keeps.
float clipHistory(Gathered g, float gamma, out vec3 clipped) {
    float over = 1.0;
    for (int k = 0; k < 3; k++) {
        float extent = gamma * g.sd[k] + CLIP_EPSILON;
        over = max(over, abs(g.history[k] - g.mean[k]) / extent);
    }
    clipped = over <= 1.0 ? g.history.xyz : g.mean + (g.history.xyz - g.mean) / over;
    return over <= 1.0 ? 1.0 : pow(1.0 / over, REJECTION);
}

void main() {
    const uint e = gl_WorkGroupID.z;
    const Eye E = pc.eye[e];
    const ivec2 o = ivec2(gl_GlobalInvocationID.xy);
    if (o.x >= int(E.outWidth) || o.y >= int(E.outHeight)) {
        return;
    }
    // FuseOp.headAt: the output pixel's centre in low-resolution pixels.
    const vec2 pos = vec2((float(o.x) + 0.5) / (float(E.outWidth) / float(E.width)),
                          (float(o.y) + 0.5) / (float(E.outHeight) / float(E.height)));
    float h[HEAD];
    headAt(E, pos, h);
    Gathered g = gather(e, E, o);

    // FuseSample.resolve.
    const float sigma = SIGMA_BASE * octaves(SIGMA_OCTAVES, h[0]);
    const float capScale = octaves(CAP_OCTAVES, h[1]);
    const float gamma = GAMMA_BASE * octaves(GAMMA_OCTAVES, h[2]);
    const float sharpness = 1.0 / (2.0 * sigma * sigma);
    float weightSum = 0.0;
    float alphaSum = 0.0;
    vec3 current = vec3(0.0);
    for (int n = 0; n < 9; n++) {
        float w = exp(-sharpness * g.distance2[n]);
        weightSum += w;
        alphaSum += w * g.alpha[n];
        current += w * g.colour[n];
    }
    // Kernel weights -> samples: one frame brings one sample per output pixel on average (kernel mass 2 pi sigma^2).
    const float massScale = g.massBase / (sigma * sigma);
    const float t = min(g.speed / FAST_MOTION, 1.0);
    const float cap = (MAX_HISTORY + (MIN_HISTORY - MAX_HISTORY) * t) * capScale;
    float weight = 0.0;
    vec3 clipped = vec3(0.0);
    if (g.valid) {
        weight = clipHistory(g, gamma, clipped) * min(g.history.w, cap);
    }
    const float mass = weightSum * massScale;
    const float pad = max(0.0, 1.0 - weight - mass);
    const float inv = 1.0 / (weight + mass + pad);
    const vec3 residual = RESIDUAL_SCALE * vec3(saturatingTanh(h[3]), saturatingTanh(h[4]), saturatingTanh(h[5]));
    vec3 resolved = (weight * clipped + current * massScale + pad * g.smoothMean) * inv + residual;
    // Perceptual luma must stay below 1 for the inverse; the residual could otherwise push it there.
    resolved.x = clamp(resolved.x, 0.0, MAX_TONEMAPPED);
    // Lanczos ringing can leave a hair below zero; colour is non-negative and fp16-bounded.
    const vec3 rgb = clamp(fromPerceptualYCoCg(resolved), 0.0, FP16_MAX);
    // Both stores keep fp16 (FuseOp rounds history with Perceptual.fp16); rounding here makes them round to nearest.
    const vec4 result = fp16(vec4(rgb, alphaSum / weightSum));
    const vec4 next = fp16(vec4(rgb, min(weight + mass, cap)));
    if (e == 0) {
        imageStore(out0, o, result);
        imageStore(nextHistory0, o, next);
    } else {
        imageStore(out1, o, result);
        imageStore(nextHistory1, o, next);
    }
#ifdef REFINE
    writeRefineInput(e, E, o, pos, rgb);
#endif
}
