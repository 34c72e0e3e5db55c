// Per-frame data shared by the scene, sky and particle programs. Layouts mirror dev.ocular.scenes.render.FrameData.
#ifdef MULTIVIEW
#extension GL_EXT_multiview : require
#endif

struct View {
    mat4 viewProj;          // jittered: places fragments at the frame's sub-pixel sample positions
    mat4 viewProjCurrent;   // this frame without jitter: motion vectors must not contain jitter
    mat4 viewProjPrevious;  // previous frame without jitter
    mat4 inverseViewProj;   // inverse of viewProj: sky rays through the jittered sample positions
    vec4 cameraPosition;    // xyz world position of the eye
    vec4 cameraRight;       // xyz: billboard axes for particles
    vec4 cameraUp;
    vec4 viewport;          // width, height, 1/width, 1/height in pixels
};

layout(std430, set = 0, binding = 0) readonly buffer FrameBlock {
    vec4 sunDirection;      // xyz towards the sun, w = cos(sun disc radius)
    vec4 sunColour;         // rgb radiance, w = disc brightness relative to rgb
    vec4 skyZenith;
    vec4 skyHorizon;
    vec4 groundColour;
    View views[4];
} frame;

struct SceneObject {
    mat4 model;
    mat4 previousModel;
    vec4 baseColour;
    vec4 shading;           // x shininess, y specular, z emissive, w alpha cutoff
    uvec4 flags;            // x textured, y unlit
};

layout(std430, set = 0, binding = 1) readonly buffer ObjectBlock {
    SceneObject objects[];
};

layout(std430, set = 0, binding = 2) readonly buffer ParticleBlock {
    vec4 particles[];       // two per particle: centre xyz + radius, colour rgb + alpha
};

layout(set = 0, binding = 3) uniform sampler2D baseColourTexture;

layout(push_constant) uniform Push {
    uint objectIndex;
    uint viewBase;          // first view of this pass; multiview adds gl_ViewIndex
} pc;

uint viewIndex() {
#ifdef MULTIVIEW
    return pc.viewBase + uint(gl_ViewIndex);
#else
    return pc.viewBase;
#endif
}

// Current → previous screen motion in pixels for clip positions without jitter (docs/conventions.md). A point that
// was behind the previous camera has no meaningful previous position: it gets no vector.
vec2 motionPixels(vec4 currentClip, vec4 previousClip, vec4 viewport) {
    if (previousClip.w <= 1e-6 || currentClip.w <= 1e-6) {
        return vec2(0.0);
    }
    vec2 current = currentClip.xy / currentClip.w;
    vec2 previous = previousClip.xy / previousClip.w;
    return (previous - current) * 0.5 * viewport.xy;
}
