#version 460
// Mesh variant, fragment stage: samples each colour channel at its own interpolated UV. The mesh covers its eye's
// viewport exactly, so every panel pixel gets one fragment; hidden ones are written black, none are left unwritten.

layout(set = 0, binding = 0) uniform sampler2DArray eyeImage;
layout(std430, set = 0, binding = 1) readonly buffer Visibility { uint visibleBits[]; };

layout(push_constant) uniform Push {
    int panelWidth;
    int layer;
} pc;

#include "panel_common.glsl"

layout(location = 0) noperspective in vec2 uvRed;
layout(location = 1) noperspective in vec2 uvGreen;
layout(location = 2) noperspective in vec2 uvBlue;

layout(location = 0) out vec4 panel;

void main() {
    // gl_FragCoord is the pixel centre in panel (framebuffer) coordinates.
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    panel = panelVisible(pixel, pc.panelWidth) ? panelColour(uvRed, uvGreen, uvBlue, float(pc.layer)) : HIDDEN;
}
