#version 460
// k×k box filter from a supersampled tile to its place in the full-resolution output (native reference).
// CPU twin: dev.ocular.scenes.render.BoxDownsampleReference — same loop order and float arithmetic.

layout(local_size_x = 8, local_size_y = 8) in;

layout(set = 0, binding = 0) uniform sampler2D tile;     // RGBA16F, factor × tileSize texels
layout(std430, set = 0, binding = 1) writeonly buffer Output {
    vec4 pixels[];                                        // outputWidth × outputHeight, row-major
};

layout(push_constant) uniform Push {
    ivec2 tileOrigin;   // in output pixels
    ivec2 tileSize;     // in output pixels
    int factor;         // k
    int outputWidth;
} pc;

void main() {
    ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (p.x >= pc.tileSize.x || p.y >= pc.tileSize.y) {
        return;
    }
    vec4 sum = vec4(0.0);
    for (int y = 0; y < pc.factor; y++) {
        for (int x = 0; x < pc.factor; x++) {
            sum += texelFetch(tile, p * pc.factor + ivec2(x, y), 0);
        }
    }
    ivec2 o = pc.tileOrigin + p;
    pixels[o.y * pc.outputWidth + o.x] = sum / float(pc.factor * pc.factor);
}
