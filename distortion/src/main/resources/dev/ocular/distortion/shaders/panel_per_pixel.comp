#version 460
// Per-pixel variant: one invocation per pixel of one eye's viewport evaluates the lens at the pixel centre for each
// channel and samples the eye image there. LENS_SOURCE (LensSource) picks how UVs are found: 0 a table of exact
// values per pixel, 1-3 a radial family evaluated analytically (lens_radial.glsl).

#ifndef LENS_SOURCE
#error "LENS_SOURCE must be defined (see LensSource)"
#endif

layout(local_size_x = 8, local_size_y = 8) in;

layout(set = 0, binding = 0) uniform sampler2DArray eyeImage;
layout(set = 0, binding = 1, rgba16f) uniform writeonly image2D panelOut;
layout(std430, set = 0, binding = 2) readonly buffer Visibility { uint visibleBits[]; };
// Parameter block or per-pixel table, see PerPixelLensData.
layout(std430, set = 0, binding = 3) readonly buffer Lens { float lens[]; };

layout(push_constant) uniform Push {
    int viewportX;
    int eyeWidth;
    int eyeHeight;
    int panelWidth;
    int layer;
} pc;

#include "panel_common.glsl"

#if LENS_SOURCE == 0
vec2 channelUv(int channel, ivec2 pixel, vec2 centre) {
    int at = ((pixel.y * pc.eyeWidth + pixel.x) * 3 + channel) * 2;
    return vec2(lens[at], lens[at + 1]);
}
#else
#include "lens_radial.glsl"
#endif

void main() {
    ivec2 pixel = ivec2(gl_GlobalInvocationID.xy);
    if (pixel.x >= pc.eyeWidth || pixel.y >= pc.eyeHeight) {
        return;
    }
    ivec2 panelPixel = pixel + ivec2(pc.viewportX, 0);
    vec4 colour = HIDDEN;
    if (panelVisible(panelPixel, pc.panelWidth)) {
        vec2 centre = vec2(pixel) + 0.5;
        colour = panelColour(channelUv(0, pixel, centre), channelUv(1, pixel, centre), channelUv(2, pixel, centre),
                             float(pc.layer));
    }
    imageStore(panelOut, panelPixel, colour);
}
