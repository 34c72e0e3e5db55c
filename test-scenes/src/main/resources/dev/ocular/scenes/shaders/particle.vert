#version 460
#include "frame.glsl"

layout(location = 0) out vec2 corner;
layout(location = 1) out vec4 colour;

const vec2 CORNERS[6] = vec2[](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));

// Six vertices per particle, no vertex buffer: each sprite faces the eye that renders it.
void main() {
    uint p = uint(gl_VertexIndex) / 6u;
    corner = CORNERS[uint(gl_VertexIndex) % 6u];
    vec4 centreRadius = particles[2u * p];
    colour = particles[2u * p + 1u];
    View v = frame.views[viewIndex()];
    vec3 world = centreRadius.xyz + (v.cameraRight.xyz * corner.x + v.cameraUp.xyz * corner.y) * centreRadius.w;
    gl_Position = v.viewProj * vec4(world, 1.0);
}
