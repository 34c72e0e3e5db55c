#version 460
#include "frame.glsl"

// One triangle covering the viewport at depth 0, which reverse-Z puts at infinity: the depth test
// (GREATER_OR_EQUAL against a buffer cleared to 0) lets the sky through only where no geometry was drawn.
void main() {
    vec2 p = vec2((gl_VertexIndex << 1) & 2, gl_VertexIndex & 2);
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
