// GLSL twin of reference/Perceptual.java: the colour space temporal resolves run in (YCoCg of c / (1 + Y),
// Y = (r + 2g + b) / 4) and the Lanczos-3 weights history is resampled with. Same formulas, same order of operations.
const float PERCEPTUAL_PI = 3.14159265358979;

// c / (1 + Y) per channel.
vec3 toPerceptual(vec3 c) {
    float k = 1.0 / (1.0 + 0.25 * c.r + 0.5 * c.g + 0.25 * c.b);
    return c * k;
}

vec3 toYCoCg(vec3 c) {
    return vec3(0.25 * c.r + 0.5 * c.g + 0.25 * c.b, 0.5 * c.r - 0.5 * c.b, -0.25 * c.r + 0.5 * c.g - 0.25 * c.b);
}

vec3 toPerceptualYCoCg(vec3 c) {
    return toYCoCg(toPerceptual(c));
}

// Inverse of toPerceptualYCoCg: YCoCg -> RGB t, then c = t / (1 - Y(t)). Needs Y < 1.
vec3 fromPerceptualYCoCg(vec3 s) {
    float k = 1.0 / (1.0 - s.x);
    return vec3(s.x + s.y - s.z, s.x + s.z, s.x - s.y - s.z) * k;
}

// Lanczos-3 weights of the taps at -2 .. 3 for fraction f, normalised to sum 1.
void lanczos3(float f, out float w[6]) {
    float sum = 0.0;
    for (int i = 0; i < 6; i++) {
        float x = abs(float(i - 2) - f);
        float v = 0.0;
        if (x < 1e-5) {
            v = 1.0;
        } else if (x < 3.0) {
            float px = PERCEPTUAL_PI * x;
            v = 3.0 * sin(px) * sin(px / 3.0) / (px * px);
        }
        w[i] = v;
        sum += v;
    }
    for (int i = 0; i < 6; i++) {
        w[i] /= sum;
    }
}

// Perceptual.fp16: what an RGBA16F store keeps of v (round to nearest even, clamped to the finite range). Kernels
// round explicitly before storing, so the store itself is exact: Vulkan leaves the rounding of a storage-image write to
// the implementation (lavapipe's is not round-to-nearest), and through history a biased rounding would accumulate
// frame after frame instead of staying at half an ulp.
float fp16(float v) {
    float c = clamp(v, -65504.0, 65504.0);
    if (abs(c) < 6.103515625e-05) {
        // Below the smallest normal binary16 the quantum is fixed at 2^-24.
        return roundEven(c * 16777216.0) / 16777216.0;
    }
    // Round the fp32 mantissa to binary16's 10 bits, ties to even; a carry correctly bumps the exponent.
    uint u = floatBitsToUint(c);
    u += 0x0FFFu + ((u >> 13) & 1u);
    return uintBitsToFloat(u & 0xFFFFE000u);
}

vec4 fp16(vec4 v) {
    return vec4(fp16(v.x), fp16(v.y), fp16(v.z), fp16(v.w));
}
