// Shared by the SPATIAL baseline's kernels (CPU twin: dev.ocular.compositor.upscale.SpatialReference).

const float FP16_MAX = 65504.0;
const float PI = 3.14159265358979;

// c / (1 + Y), Y = (r + 2g + b) / 4: filter in displayed brightness, so HDR highlights neither ring nor dominate.
vec3 perceptual(vec3 c) {
    c = clamp(c, 0.0, FP16_MAX);
    return c * (1.0 / (1.0 + 0.25 * c.r + 0.5 * c.g + 0.25 * c.b));
}

vec3 fromPerceptual(vec3 t) {
    return t * (1.0 / (1.0 - (0.25 * t.r + 0.5 * t.g + 0.25 * t.b)));
}

float perceptualLuma(vec3 t) {
    return 0.25 * t.r + 0.5 * t.g + 0.25 * t.b;
}

// Lanczos-2: sinc(x) * sinc(x / 2) for |x| < 2.
float lanczos2(float x) {
    float r = abs(x);
    if (r < 1e-5) {
        return 1.0;
    }
    if (r >= 2.0) {
        return 0.0;
    }
    float p = PI * r;
    return 2.0 * sin(p) * sin(0.5 * p) / (p * p);
}
