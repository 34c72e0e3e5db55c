#version 460
// KSIZE x KSIZE convolution (1 or 3), zero padding, bias and optional ReLU, fp32, both eyes (z = eye).
// One invocation computes every output channel of one pixel, so each input texel is loaded once per tap; weights are
// the same for the whole workgroup (uniform loads). Channels travel in vec4 groups: each (tap, input group, output
// group) is one mat4 whose column j holds input channel 4i+j's weights to the four outputs.
// Activations: bordered NHWC (gpu/ActivationLayout.java), so no bounds checks. CPU twin: reference/ConvOp.java.
layout(local_size_x = 8, local_size_y = 8) in;
layout(constant_id = 0) const uint KSIZE = 3;
layout(constant_id = 1) const bool RELU = true;
layout(constant_id = 2) const uint COUT4 = 8;   // output channels / 4 (padded)

layout(set = 0, binding = 0, std430) readonly buffer Src { vec4 src[]; };
layout(set = 0, binding = 1, std430) writeonly buffer Dst { vec4 dst[]; };
layout(set = 0, binding = 2, std430) readonly buffer Weights { vec4 weights[]; };  // [tap][cin4][COUT4] mat4
layout(set = 0, binding = 3, std430) readonly buffer Bias { vec4 bias[]; };        // [COUT4]
layout(push_constant) uniform Push {
    uint width[2]; uint height[2]; uint offset[2];  // per eye; offset in floats
    uint stride;                                    // floats per pixel, a multiple of 4
    uint cin4;                                      // input channels / 4 (padded)
} pc;

void main() {
    const uint e = gl_WorkGroupID.z;
    const uvec2 p = gl_GlobalInvocationID.xy;
    const uint w = pc.width[e];
    if (p.x >= w || p.y >= pc.height[e]) {
        return;
    }
    const uint stride4 = pc.stride / 4;
    const uint base4 = pc.offset[e] / 4;
    const uint r = KSIZE / 2;
    vec4 acc[COUT4];
    for (uint g = 0; g < COUT4; g++) {
        acc[g] = bias[g];
    }
    for (uint ky = 0; ky < KSIZE; ky++) {
        for (uint kx = 0; kx < KSIZE; kx++) {
            // Tap (kx, ky) of interior pixel p is bordered pixel (p.x + 1 + kx - r, p.y + 1 + ky - r).
            const uint pixel = base4 + ((p.y + 1 + ky - r) * (w + 2) + p.x + 1 + kx - r) * stride4;
            const uint tapBase = (ky * KSIZE + kx) * pc.cin4 * COUT4 * 4;
            for (uint i = 0; i < pc.cin4; i++) {
                const vec4 a = src[pixel + i];
                for (uint g = 0; g < COUT4; g++) {
                    const uint m = tapBase + (i * COUT4 + g) * 4;
                    acc[g] += mat4(weights[m], weights[m + 1], weights[m + 2], weights[m + 3]) * a;
                }
            }
        }
    }
    const uint outPixel = base4 + ((p.y + 1) * (w + 2) + p.x + 1) * stride4;
    for (uint g = 0; g < COUT4; g++) {
        dst[outPixel + g] = RELU ? max(acc[g], vec4(0.0)) : acc[g];
    }
}
