#version 460
#include "frame.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec2 inUv;

layout(location = 0) out vec3 worldPosition;
layout(location = 1) out vec3 worldNormal;
layout(location = 2) out vec2 uv;
layout(location = 3) out vec4 currentClip;
layout(location = 4) out vec4 previousClip;

void main() {
    SceneObject o = objects[pc.objectIndex];
    View v = frame.views[viewIndex()];
    vec4 world = o.model * vec4(inPosition, 1.0);
    worldPosition = world.xyz;
    worldNormal = transpose(inverse(mat3(o.model))) * inNormal;
    uv = inUv;
    currentClip = v.viewProjCurrent * world;
    previousClip = v.viewProjPrevious * (o.previousModel * vec4(inPosition, 1.0));
    gl_Position = v.viewProj * world;
}
