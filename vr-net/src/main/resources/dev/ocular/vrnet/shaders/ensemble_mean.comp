#version 460
// Output ensemble: one eye's mean of MEMBERS vr-net outputs (RGBA16F: linear RGB, A = coverage), every channel alike:
//   out = (m0 + m1 + ... + m[MEMBERS-1]) / MEMBERS, summed in fp32 in member order, rounded to fp16 to nearest
// before the store (see fp16 in perceptual.glsl). CPU twin: dev.ocular.vrnet.reference.EnsembleMean (same order of
// operations); tolerances: gpu/EnsembleMeanKernel.java.
#include "perceptual.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
// 2 to 4 (model/NetEnsemble.MAX_MEMBERS). Bindings past it hold a repeat of a bound member and are never read.
layout(constant_id = 0) const uint MEMBERS = 2;

layout(set = 0, binding = 0, rgba16f) uniform readonly image2D member0;
layout(set = 0, binding = 1, rgba16f) uniform readonly image2D member1;
layout(set = 0, binding = 2, rgba16f) uniform readonly image2D member2;
layout(set = 0, binding = 3, rgba16f) uniform readonly image2D member3;
layout(set = 0, binding = 4, rgba16f) uniform writeonly image2D result;

layout(push_constant) uniform Push { uint width, height; } pc;

void main() {
    const ivec2 o = ivec2(gl_GlobalInvocationID.xy);
    if (o.x >= int(pc.width) || o.y >= int(pc.height)) {
        return;
    }
    vec4 sum = imageLoad(member0, o);
    sum += imageLoad(member1, o);
    if (MEMBERS > 2) {
        sum += imageLoad(member2, o);
    }
    if (MEMBERS > 3) {
        sum += imageLoad(member3, o);
    }
    imageStore(result, o, fp16(sum / float(MEMBERS)));
}
