#version 460
#extension GL_GOOGLE_include_directive : require
// SPATIAL baseline, pass 2: bounded contrast-adaptive sharpening of the upsampled image (5-tap cross).
// out = (e + w * ring) / (1 + 4w) with the strongest lobe w >= -MAX_LOBE * sharpness that keeps each channel within
// the local 5-tap range widened by `overshoot` of itself, halved for isolated noise; in tone-mapped space.
// CPU twin: dev.ocular.compositor.upscale.SpatialReference.sharpen / lobe.
layout(local_size_x = 8, local_size_y = 8) in;

#include "spatial_common.glsl"

layout(set = 0, binding = 0, rgba16f) uniform readonly image2D upsampled;
layout(set = 0, binding = 1, rgba16f) uniform writeonly image2D colourOut;
layout(push_constant) uniform Push {
    ivec2 size;
    float sharpness;
    float overshoot;
} p;

const float MAX_LOBE = 0.1875;
const float PERCEPTUAL_MAX = 1.0 - 1.0 / 4096.0;
// Floor of the overshoot margin and the noise test's range: flat-to-rounding crosses neither bind nor read as noise.
const float FLAT = 1.0 / 1024.0;

vec3 tap(ivec2 c) {
    return perceptual(imageLoad(upsampled, clamp(c, ivec2(0), p.size - 1)).rgb);
}

// t[0..4] = up, left, centre, right, down.
float lobe(vec3 t[5]) {
    float w = -MAX_LOBE * p.sharpness;
    for (int k = 0; k < 3; k++) {
        float e = t[2][k];
        float lo = min(min(min(t[0][k], t[1][k]), min(t[3][k], t[4][k])), e);
        float hi = max(max(max(t[0][k], t[1][k]), max(t[3][k], t[4][k])), e);
        float margin = p.overshoot * (hi - lo) + FLAT;
        float low = lo - margin;
        float high = hi + margin;
        float s = t[0][k] + t[1][k] + t[3][k] + t[4][k];
        if (s < 4.0 * e) {
            w = max(w, (high - e) / (s - 4.0 * high));
        } else if (s > 4.0 * e) {
            w = max(w, (low - e) / (s - 4.0 * low));
        }
    }
    float l[5];
    for (int i = 0; i < 5; i++) {
        l[i] = perceptualLuma(t[i]);
    }
    float lmin = min(min(min(l[0], l[1]), min(l[3], l[4])), l[2]);
    float lmax = max(max(max(l[0], l[1]), max(l[3], l[4])), l[2]);
    float deviation = abs(0.25 * (l[0] + l[1] + l[3] + l[4]) - l[2]);
    float noise = min(deviation / (lmax - lmin + FLAT), 1.0);
    return w * (1.0 - 0.5 * noise);
}

void main() {
    ivec2 o = ivec2(gl_GlobalInvocationID.xy);
    if (o.x >= p.size.x || o.y >= p.size.y) {
        return;
    }
    vec3 t[5] = vec3[5](tap(o + ivec2(0, -1)), tap(o + ivec2(-1, 0)), tap(o), tap(o + ivec2(1, 0)),
            tap(o + ivec2(0, 1)));
    float w = lobe(t);
    float inv = 1.0 / (1.0 + 4.0 * w);
    vec3 ring = t[0] + t[1] + t[3] + t[4];
    vec3 e = clamp((t[2] + w * ring) * inv, 0.0, PERCEPTUAL_MAX);
    imageStore(colourOut, o, vec4(fromPerceptual(e), imageLoad(upsampled, o).a));
}
