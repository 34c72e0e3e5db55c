#version 460
#include "frame.glsl"

layout(location = 0) in vec3 worldPosition;
layout(location = 1) in vec3 worldNormal;
layout(location = 2) in vec2 uv;
layout(location = 3) in vec4 currentClip;
layout(location = 4) in vec4 previousClip;

layout(location = 0) out vec4 outColour;
layout(location = 1) out vec2 outMotion;

const float PI = 3.14159265;

void main() {
    SceneObject o = objects[pc.objectIndex];
    View v = frame.views[viewIndex()];
    vec4 base = o.baseColour;
    if (o.flags.x != 0u) {
        base *= texture(baseColourTexture, uv);
    }
    if (o.shading.w > 0.0 && base.a < o.shading.w) {
        discard;
    }
    vec3 colour;
    if (o.flags.y != 0u) {
        colour = base.rgb * max(o.shading.z, 1.0);
    } else {
        vec3 n = normalize(worldNormal);
        vec3 toEye = normalize(v.cameraPosition.xyz - worldPosition);
        // Scenes draw both faces: light the side facing the viewer.
        if (dot(n, toEye) < 0.0) {
            n = -n;
        }
        vec3 l = frame.sunDirection.xyz;
        float ndl = max(dot(n, l), 0.0);
        vec3 h = normalize(l + toEye);
        float shininess = o.shading.x;
        // Energy-normalised Blinn-Phong: tight lobes get tall peaks, the HDR glints that become fireflies.
        float specular = o.shading.y * (shininess + 8.0) / (8.0 * PI) * pow(max(dot(n, h), 0.0), shininess);
        vec3 ambient = mix(frame.groundColour.rgb, frame.skyZenith.rgb, 0.5 + 0.5 * n.y) * 0.5;
        colour = base.rgb * (frame.sunColour.rgb * ndl + ambient) + frame.sunColour.rgb * specular * ndl
                + base.rgb * o.shading.z;
    }
    outColour = vec4(colour, 1.0);
    outMotion = motionPixels(currentClip, previousClip, v.viewport);
}
