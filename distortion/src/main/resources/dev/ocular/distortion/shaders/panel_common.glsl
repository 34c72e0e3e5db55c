// Shared by both variants of the distortion pass (see dev.ocular.distortion.gpu.PanelDistortion).
//
// The eye image is a 2-D array (a single image is a 1-layer array) sampled with LINEAR filtering, CLAMP_TO_BORDER and
// a transparent black border, normalised coordinates: bilinear between texel centres at (i + 0.5)/w, (0, 0, 0, 0)
// outside, the convention of RgbaImage.sample on the CPU.

// One bit per panel pixel, index y * panelWidth + x (VisibilityBits).
bool panelVisible(ivec2 pixel, int panelWidth) {
    uint index = uint(pixel.y * panelWidth + pixel.x);
    return ((visibleBits[index >> 5u] >> (index & 31u)) & 1u) != 0u;
}

// Red at red's coordinate, green at green's, blue at blue's; alpha 1. Hidden pixels are (0, 0, 0, 1).
vec4 panelColour(vec2 uvRed, vec2 uvGreen, vec2 uvBlue, float layer) {
    // Explicit LOD 0: compute shaders have no derivatives, and the eye images have one mip level anyway.
    return vec4(textureLod(eyeImage, vec3(uvRed, layer), 0.0).r,
                textureLod(eyeImage, vec3(uvGreen, layer), 0.0).g,
                textureLod(eyeImage, vec3(uvBlue, layer), 0.0).b,
                1.0);
}

const vec4 HIDDEN = vec4(0.0, 0.0, 0.0, 1.0);
