#version 460
#include "frame.glsl"

layout(location = 0) in vec2 corner;
layout(location = 1) in vec4 colour;

// Particles are drawn in a second pass with the colour attachment only: they leave the motion vectors (and depth)
// of the surface behind them untouched — the "no motion vectors" failure the particles scene exists for.
layout(location = 0) out vec4 outColour;

void main() {
    float r2 = dot(corner, corner);
    if (r2 > 1.0) {
        discard;
    }
    float falloff = (1.0 - r2) * (1.0 - r2);
    outColour = vec4(colour.rgb, colour.a * falloff);
}
