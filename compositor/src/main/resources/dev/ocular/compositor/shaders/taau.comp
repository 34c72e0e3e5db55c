#version 460
// TAAU baseline: non-learned temporal upsampling with the renderer's jitter and motion vectors.
// CPU twin and the full description with sources: dev.ocular.compositor.upscale.TaauReference (same maths, same
// order of operations; tuning in TaauSettings arrives as push constants).
//   current frame: 3x3 low-res samples at their jittered positions, Gaussian by distance in output pixels
//   history:       closest-depth motion (Karis 2014), Lanczos-3 on tone-mapped taps, bilinear weight
//   rejection:     variance clipping mu +- gamma*sigma in perceptual YCoCg (Salvi 2016)
//   blend:         (A*history + W*current) / (A + W), A capped by motion; fill-in below one sample of evidence
layout(local_size_x = 8, local_size_y = 8) in;

layout(set = 0, binding = 0) uniform sampler2DArray colourIn;
layout(set = 0, binding = 1) uniform sampler2DArray depthIn;
layout(set = 0, binding = 2) uniform sampler2DArray motionIn;
layout(set = 0, binding = 3, rgba16f) uniform readonly image2D historyIn;
layout(set = 0, binding = 4, rgba16f) uniform writeonly image2D historyOut;
layout(set = 0, binding = 5, rgba16f) uniform writeonly image2D colourOut;
layout(push_constant) uniform Push {
    ivec2 inSize;
    ivec2 outSize;
    vec2 jitter;
    int layer;
    int reset;
    float clipGamma;
    float maxHistoryWeight;
    float minHistoryWeight;
    float fastMotion;
    float rejection;
} p;

const float KERNEL_SHARPNESS = 1.0 / (2.0 * 0.35 * 0.35);
const float KERNEL_MASS = 3.14159265358979 / KERNEL_SHARPNESS;
const float SMOOTH_SHARPNESS = 2.29;
const float CLIP_EPSILON = 1.0 / 1024.0;
const float FP16_MAX = 65504.0;
const float PI = 3.14159265358979;

// c / (1 + Y), Y = (r + 2g + b) / 4: Karis 2014's luminance weighting as a reversible tone map.
vec3 perceptual(vec3 c) {
    return c * (1.0 / (1.0 + 0.25 * c.r + 0.5 * c.g + 0.25 * c.b));
}

vec3 ycocg(vec3 c) {
    return vec3(0.25 * c.r + 0.5 * c.g + 0.25 * c.b, 0.5 * c.r - 0.5 * c.b, -0.25 * c.r + 0.5 * c.g - 0.25 * c.b);
}

vec3 fromPerceptualYCoCg(vec3 s) {
    float k = 1.0 / (1.0 - s.x);
    return vec3(s.x + s.y - s.z, s.x + s.z, s.x - s.y - s.z) * k;
}

// Normalised Lanczos-3 weights of the taps at -2 .. 3 for fraction f.
void lanczos3(float f, out float w[6]) {
    float sum = 0.0;
    for (int i = 0; i < 6; i++) {
        float x = abs(float(i - 2) - f);
        w[i] = 0.0;
        if (x < 1e-5) {
            w[i] = 1.0;
        } else if (x < 3.0) {
            float px = PI * x;
            w[i] = 3.0 * sin(px) * sin(px / 3.0) / (px * px);
        }
        sum += w[i];
    }
    for (int i = 0; i < 6; i++) {
        w[i] /= sum;
    }
}

struct Neighbourhood {
    vec3 sum;
    vec3 sumSquares;
    vec3 sharpSum;
    vec3 smoothSum;
    float sharpWeight;
    float smoothWeight;
    float alphaSum;
    vec2 motion;      // output pixels, current -> previous, of the closest sample
    float massScale;  // kernel weight -> samples
};

Neighbourhood gather(ivec2 o) {
    Neighbourhood n;
    n.sum = vec3(0.0);
    n.sumSquares = vec3(0.0);
    n.sharpSum = vec3(0.0);
    n.smoothSum = vec3(0.0);
    n.sharpWeight = 0.0;
    n.smoothWeight = 0.0;
    n.alphaSum = 0.0;
    n.motion = vec2(0.0);
    float sx = float(p.outSize.x) / float(p.inSize.x);
    float sy = float(p.outSize.y) / float(p.inSize.y);
    n.massScale = sx * sy / KERNEL_MASS;
    float px = float(o.x) + 0.5;
    float py = float(o.y) + 0.5;
    float qx = px / sx;
    float qy = py / sy;
    int cx = int(floor(qx - p.jitter.x));
    int cy = int(floor(qy - p.jitter.y));
    float closest = -1.0; // below any reverse-Z depth in [0, 1]
    for (int j = -1; j <= 1; j++) {
        for (int i = -1; i <= 1; i++) {
            int ix = cx + i;
            int iy = cy + j;
            ivec3 t = ivec3(clamp(ix, 0, p.inSize.x - 1), clamp(iy, 0, p.inSize.y - 1), p.layer);
            // Positions use the unclamped index: the edge sample is extended, not moved.
            float lx = float(ix) + 0.5 + p.jitter.x;
            float ly = float(iy) + 0.5 + p.jitter.y;
            float dx = lx * sx - px;
            float dy = ly * sy - py;
            float wSharp = exp(-KERNEL_SHARPNESS * (dx * dx + dy * dy));
            float ex = lx - qx;
            float ey = ly - qy;
            float wSmooth = exp(-SMOOTH_SHARPNESS * (ex * ex + ey * ey));
            vec4 c = texelFetch(colourIn, t, 0);
            vec3 s = ycocg(perceptual(clamp(c.rgb, 0.0, FP16_MAX)));
            n.sum += s;
            n.sumSquares += s * s;
            n.sharpSum += wSharp * s;
            n.smoothSum += wSmooth * s;
            n.sharpWeight += wSharp;
            n.smoothWeight += wSmooth;
            n.alphaSum += wSharp * c.a;
            float depth = texelFetch(depthIn, t, 0).r;
            if (depth > closest) {
                closest = depth;
                n.motion = texelFetch(motionIn, t, 0).rg * vec2(sx, sy);
            }
        }
    }
    return n;
}

vec4 historyTexel(int x, int y) {
    return imageLoad(historyIn, clamp(ivec2(x, y), ivec2(0), p.outSize - 1));
}

// Perceptual YCoCg history colour (xyz) and weight (w) at the reprojected position; false when off-screen.
bool sampleHistory(ivec2 o, vec2 motion, out vec4 hist) {
    hist = vec4(0.0);
    float px = float(o.x) + 0.5 + motion.x;
    float py = float(o.y) + 0.5 + motion.y;
    if (!(px >= 0.0 && px <= float(p.outSize.x) && py >= 0.0 && py <= float(p.outSize.y))) {
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
            rgb += w * perceptual(historyTexel(i0 - 2 + i, j0 - 2 + j).rgb);
        }
    }
    float a00 = historyTexel(i0, j0).a;
    float a10 = historyTexel(i0 + 1, j0).a;
    float a01 = historyTexel(i0, j0 + 1).a;
    float a11 = historyTexel(i0 + 1, j0 + 1).a;
    float top = a00 + (a10 - a00) * fx;
    float bottom = a01 + (a11 - a01) * fx;
    hist = vec4(ycocg(rgb), top + (bottom - top) * fy);
    return true;
}

// Clips hist toward the mean into mu +- gamma*sigma; returns the share of its weight it keeps.
float clipHistory(Neighbourhood n, inout vec3 hist) {
    vec3 mean = n.sum / 9.0;
    vec3 sigma = sqrt(max(n.sumSquares / 9.0 - mean * mean, vec3(0.0)));
    vec3 extent = p.clipGamma * sigma + CLIP_EPSILON;
    vec3 ratio = abs(hist - mean) / extent;
    float over = max(1.0, max(ratio.x, max(ratio.y, ratio.z)));
    if (over <= 1.0) {
        return 1.0;
    }
    hist = mean + (hist - mean) / over;
    return pow(1.0 / over, p.rejection);
}

void main() {
    ivec2 o = ivec2(gl_GlobalInvocationID.xy);
    if (o.x >= p.outSize.x || o.y >= p.outSize.y) {
        return;
    }
    Neighbourhood n = gather(o);
    vec4 hist;
    bool valid = p.reset == 0 && sampleHistory(o, n.motion, hist);
    float speed = sqrt(n.motion.x * n.motion.x + n.motion.y * n.motion.y);
    float t = min(speed / p.fastMotion, 1.0);
    float cap = p.maxHistoryWeight + (p.minHistoryWeight - p.maxHistoryWeight) * t;
    float weight = 0.0;
    vec3 h = vec3(0.0);
    if (valid) {
        h = hist.xyz;
        weight = clipHistory(n, h) * min(hist.w, cap);
    }
    float mass = n.sharpWeight * n.massScale;
    float pad = max(0.0, 1.0 - weight - mass);
    float inv = 1.0 / (weight + mass + pad);
    vec3 smoothMean = n.smoothSum / n.smoothWeight;
    vec3 c = (weight * h + n.sharpSum * n.massScale + pad * smoothMean) * inv;
    vec3 rgb = clamp(fromPerceptualYCoCg(c), 0.0, FP16_MAX);
    imageStore(colourOut, o, vec4(rgb, n.alphaSum / n.sharpWeight));
    imageStore(historyOut, o, vec4(rgb, min(weight + mass, cap)));
}
