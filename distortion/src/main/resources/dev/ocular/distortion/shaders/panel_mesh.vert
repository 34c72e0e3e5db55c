#version 460
// Mesh variant, vertex stage: one vertex of an eye's distortion mesh (DistortionMesh.interleavedVertices), position in
// the eye viewport's NDC (the viewport is set to the eye's half of the panel), and the three channels' UVs.

layout(location = 0) in vec2 ndc;
layout(location = 1) in vec2 uvRedIn;
layout(location = 2) in vec2 uvGreenIn;
layout(location = 3) in vec2 uvBlueIn;

// noperspective: plain linear interpolation in screen space over each triangle, what the CPU twin
// (DistortionMesh.interpolateTriangles) computes; with w = 1 it is also what perspective-correct would give.
layout(location = 0) noperspective out vec2 uvRed;
layout(location = 1) noperspective out vec2 uvGreen;
layout(location = 2) noperspective out vec2 uvBlue;

void main() {
    uvRed = uvRedIn;
    uvGreen = uvGreenIn;
    uvBlue = uvBlueIn;
    gl_Position = vec4(ndc, 0.0, 1.0);
}
