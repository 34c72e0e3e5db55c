#version 460
#include "frame.glsl"

layout(location = 0) out vec4 outColour;
layout(location = 1) out vec2 outMotion;

vec3 skyRadiance(vec3 d) {
    vec3 c;
    if (d.y >= 0.0) {
        c = mix(frame.skyHorizon.rgb, frame.skyZenith.rgb, pow(d.y, 0.6));
    } else {
        c = mix(frame.skyHorizon.rgb, frame.groundColour.rgb, clamp(-d.y * 6.0, 0.0, 1.0));
    }
    float cosSun = dot(d, frame.sunDirection.xyz);
    float edge = 1.0 - frame.sunDirection.w;
    c += frame.sunColour.rgb * frame.sunColour.w * smoothstep(frame.sunDirection.w - 0.1 * edge,
            frame.sunDirection.w + 0.1 * edge, cosSun);
    return c;
}

void main() {
    View v = frame.views[viewIndex()];
    vec2 ndc = gl_FragCoord.xy * v.viewport.zw * 2.0 - 1.0;
    // Depth 0 is infinity: the inverse projection yields a direction (w ≈ 0); the view's inverse only rotates it.
    vec3 direction = normalize((v.inverseViewProj * vec4(ndc, 0.0, 1.0)).xyz);
    outColour = vec4(skyRadiance(direction), 1.0);
    // Points at infinity move only with camera rotation: translation leaves them (and their vector) still.
    outMotion = motionPixels(v.viewProjCurrent * vec4(direction, 0.0), v.viewProjPrevious * vec4(direction, 0.0),
            v.viewport);
}
