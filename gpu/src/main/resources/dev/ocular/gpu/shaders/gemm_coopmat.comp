#version 460
// C (M×N, fp32) = A (M×K, fp16, row-major) × B (K×N, fp16, row-major) with KHR cooperative matrices.
// One subgroup per workgroup computes one TM×TN tile of C. The tile shape comes from the device's property list
// through specialization constants (8×8×8 on lavapipe, 16×16×16 on NVIDIA), never from this file.
// Tiles that cross the matrix edge are staged through shared memory with zero fill, so M, N, K may be any size.
// CPU twin: dev.ocular.gpu.probe.GemmReference.
#pragma use_vulkan_memory_model
#extension GL_KHR_cooperative_matrix : require
#extension GL_KHR_memory_scope_semantics : require
#extension GL_EXT_shader_explicit_arithmetic_types_float16 : require
#extension GL_EXT_shader_16bit_storage : require

layout(constant_id = 0) const uint TM = 16;
layout(constant_id = 1) const uint TN = 16;
layout(constant_id = 2) const uint TK = 16;
layout(local_size_x_id = 3) in;

#ifdef ACC_F16
#define ACC float16_t
#else
#define ACC float
#endif

layout(set = 0, binding = 0, std430) readonly buffer BufA { float16_t a[]; };
layout(set = 0, binding = 1, std430) readonly buffer BufB { float16_t b[]; };
layout(set = 0, binding = 2, std430) writeonly buffer BufC { float c[]; };
layout(push_constant) uniform Push { uint M; uint N; uint K; } p;

shared float16_t tileA[TM * TK];
shared float16_t tileB[TK * TN];
shared float tileC[TM * TN];

void main() {
    const uint row0 = gl_WorkGroupID.y * TM;
    const uint col0 = gl_WorkGroupID.x * TN;
    const uint lane = gl_LocalInvocationID.x;
    const uint lanes = gl_WorkGroupSize.x;

    coopmat<ACC, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator> acc =
        coopmat<ACC, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator>(ACC(0.0));
    // Edge-ness is uniform over the workgroup: it depends only on the workgroup id and the push constants.
    const bool rowsInside = row0 + TM <= p.M;
    const bool colsInside = col0 + TN <= p.N;

    for (uint k0 = 0; k0 < p.K; k0 += TK) {
        const bool kInside = k0 + TK <= p.K;
        coopmat<float16_t, gl_ScopeSubgroup, TM, TK, gl_MatrixUseA> ma;
        coopmat<float16_t, gl_ScopeSubgroup, TK, TN, gl_MatrixUseB> mb;
        if (rowsInside && kInside) {
            coopMatLoad(ma, a, row0 * p.K + k0, p.K, gl_CooperativeMatrixLayoutRowMajor);
        } else {
            for (uint i = lane; i < TM * TK; i += lanes) {
                uint r = row0 + i / TK, k = k0 + i % TK;
                tileA[i] = (r < p.M && k < p.K) ? a[r * p.K + k] : float16_t(0.0);
            }
            barrier();
            coopMatLoad(ma, tileA, 0, TK, gl_CooperativeMatrixLayoutRowMajor);
            barrier();
        }
        if (colsInside && kInside) {
            coopMatLoad(mb, b, k0 * p.N + col0, p.N, gl_CooperativeMatrixLayoutRowMajor);
        } else {
            for (uint i = lane; i < TK * TN; i += lanes) {
                uint k = k0 + i / TN, n = col0 + i % TN;
                tileB[i] = (k < p.K && n < p.N) ? b[k * p.N + n] : float16_t(0.0);
            }
            barrier();
            coopMatLoad(mb, tileB, 0, TN, gl_CooperativeMatrixLayoutRowMajor);
            barrier();
        }
        acc = coopMatMulAdd(ma, mb, acc);
    }

    coopmat<float, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator> result =
        coopmat<float, gl_ScopeSubgroup, TM, TN, gl_MatrixUseAccumulator>(acc);
    if (rowsInside && colsInside) {
        coopMatStore(result, c, row0 * p.N + col0, p.N, gl_CooperativeMatrixLayoutRowMajor);
    } else {
        coopMatStore(result, tileC, 0, TN, gl_CooperativeMatrixLayoutRowMajor);
        barrier();
        for (uint i = lane; i < TM * TN; i += lanes) {
            uint r = row0 + i / TN, n = col0 + i % TN;
            if (r < p.M && n < p.N) {
                c[r * p.N + n] = tileC[i];
            }
        }
    }
}
