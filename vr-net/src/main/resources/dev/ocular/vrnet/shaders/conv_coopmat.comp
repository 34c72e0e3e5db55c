#version 460
// KSIZE x KSIZE convolution (1 or 3) as an implicit GEMM on KHR cooperative matrices, fp16 storage, both eyes
// (z = eye). C[pixel][out] = bias + sum over taps and input channels of A[pixel][tap, in] * B[tap, in][out]:
// with the bordered NHWC layout (gpu/ActivationLayout.java) the A rows of one tap for TM consecutive pixels of a row
// are `stride` elements apart, so coopMatLoad reads the im2col tile straight from the activation buffer - no copy.
// One subgroup per workgroup computes TILES_M x TILES_N accumulator tiles: TILES_M*TM consecutive pixels of one row by
// every output channel (TILES_N*TN), so each A tile is loaded once and reused across all output tiles.
// Shapes (TM, TN, TK) come from the device's property list via specialization constants; never from this file.
// Edge tiles: rows past the image's right edge read real memory (border, next row, or the buffer's slack) and their
// results are discarded; their stores go through shared memory so only pixels inside the image are written.
// Bias is the accumulator's initial value (a TM-row replicated bias matrix) and ReLU runs on the accumulator
// elements before the fp16 store: the epilogue is fused. CPU twin: reference/ConvOp.java.
#pragma use_vulkan_memory_model
#extension GL_KHR_cooperative_matrix : require
#extension GL_KHR_memory_scope_semantics : require
#extension GL_EXT_shader_explicit_arithmetic_types_float16 : require
#extension GL_EXT_shader_16bit_storage : require
#extension GL_EXT_control_flow_attributes : require

layout(constant_id = 0) const uint TM = 16;
layout(constant_id = 1) const uint TN = 16;
layout(constant_id = 2) const uint TK = 16;
layout(local_size_x_id = 3) in;                    // one subgroup
layout(constant_id = 4) const uint TILES_M = 2;    // pixel tiles per subgroup
layout(constant_id = 5) const uint TILES_N = 2;    // output-channel tiles: padded output channels / TN
layout(constant_id = 6) const uint KSIZE = 3;
layout(constant_id = 7) const bool RELU = true;

#ifdef ACC_F16
#define ACC float16_t
#else
#define ACC float
#endif

layout(set = 0, binding = 0, std430) readonly buffer Src { float16_t src[]; };
layout(set = 0, binding = 1, std430) writeonly buffer Dst { float16_t dst[]; };
layout(set = 0, binding = 2, std430) readonly buffer Weights { float16_t weights[]; };  // [tap][cout][cin]
layout(set = 0, binding = 3, std430) readonly buffer Bias { ACC bias[]; };             // [TM][cout], rows equal
layout(push_constant) uniform Push {
    uint width[2]; uint height[2]; uint offset[2];  // per eye; offset in elements
    uint stride;                                    // elements per pixel
    uint cin;                                       // input channels, a multiple of TK
} pc;

shared float16_t staging[TM * TN];

void main() {
    const uint e = gl_WorkGroupID.z;
    const uint w = pc.width[e];
    const uint y = gl_WorkGroupID.y;
    const uint x0 = gl_WorkGroupID.x * TM * TILES_M;
    if (y >= pc.height[e] || x0 >= w) {
        return;  // uniform over the subgroup: it depends only on the workgroup id
    }
    const uint cout = TN * TILES_N;
    const uint r = KSIZE / 2;
    coopmat<ACC, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator> acc[TILES_M * TILES_N];
    [[unroll]] for (uint n = 0; n < TILES_N; n++) {
        coopmat<ACC, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator> b;
        coopMatLoad(b, bias, n * TN, cout, gl_CooperativeMatrixLayoutRowMajor);
        [[unroll]] for (uint m = 0; m < TILES_M; m++) {
            acc[m * TILES_N + n] = b;
        }
    }
    for (uint tap = 0; tap < KSIZE * KSIZE; tap++) {
        const uint ky = tap / KSIZE;
        const uint kx = tap % KSIZE;
        const uint rowStart = pc.offset[e] + ((y + 1 + ky - r) * (w + 2) + x0 + 1 + kx - r) * pc.stride;
        for (uint k = 0; k < pc.cin; k += TK) {
            coopmat<float16_t, gl_ScopeSubgroup, TK, TN, gl_MatrixUseB> b[TILES_N];
            [[unroll]] for (uint n = 0; n < TILES_N; n++) {
                coopMatLoad(b[n], weights, (tap * cout + n * TN) * pc.cin + k, pc.cin,
                            gl_CooperativeMatrixLayoutColumnMajor);
            }
            [[unroll]] for (uint m = 0; m < TILES_M; m++) {
                coopmat<float16_t, gl_ScopeSubgroup, TM, TK, gl_MatrixUseA> a;
                coopMatLoad(a, src, rowStart + m * TM * pc.stride + k, pc.stride, gl_CooperativeMatrixLayoutRowMajor);
                [[unroll]] for (uint n = 0; n < TILES_N; n++) {
                    acc[m * TILES_N + n] = coopMatMulAdd(a, b[n], acc[m * TILES_N + n]);
                }
            }
        }
    }
    const uint lane = gl_LocalInvocationID.x;
    [[unroll]] for (uint m = 0; m < TILES_M; m++) {
        const uint xs = x0 + m * TM;
        if (xs >= w) {
            break;  // uniform: every pixel of this and later tiles lies past the edge
        }
        [[unroll]] for (uint n = 0; n < TILES_N; n++) {
            coopmat<ACC, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator> c = acc[m * TILES_N + n];
            if (RELU) {
                for (int i = 0; i < c.length(); i++) {
                    c[i] = max(c[i], ACC(0.0));
                }
            }
            coopmat<float16_t, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator> h =
                coopmat<float16_t, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator>(c);
            const uint outRow = pc.offset[e] + ((y + 1) * (w + 2) + xs + 1) * pc.stride + n * TN;
            if (xs + TM <= w) {
                coopMatStore(h, dst, outRow, pc.stride, gl_CooperativeMatrixLayoutRowMajor);
            } else {
                coopMatStore(h, staging, 0, TN, gl_CooperativeMatrixLayoutRowMajor);
                barrier();
                for (uint i = lane; i < TM * TN; i += gl_WorkGroupSize.x) {
                    const uint row = i / TN;
                    if (xs + row < w) {
                        dst[outRow + row * pc.stride + i % TN] = staging[i];
                    }
                }
                barrier();
            }
        }
    }
}
