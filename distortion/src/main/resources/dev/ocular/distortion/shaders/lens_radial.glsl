// The radial lens families of dev.ocular.distortion.model in single precision, for the per-pixel kernel. Mirrors
// RadialLensModel.panelToRender and Fov.toU/toV; parameter layout written by PerPixelLensData:
//   [0..3]              u = x * lens[0] + lens[1], v = y * lens[2] + lens[3]
//   per channel c at 4 + 80c: [0,1] centre px, [2,3] 1/unit, [4,5] outScale, [6,7] render offset,
//                             [8] coefficient count, [9..11] family parameters, [12..] coefficients
// The gain g(r)/r is evaluated in closed form so r = 0 needs no special case (it equals g'(0) there, as on the CPU).

const int HEADER_FLOATS = 4;
const int CHANNEL_FLOATS = 80;
const int COEFFICIENTS_AT = 12;

#if LENS_SOURCE == 1
// PolynomialRadial: g(r)/r = s * (k0 + k1 r + k2 r^2 + ...).
float gain(int base, float r, float r2) {
    int count = int(lens[base + 8]);
    float p = 0.0;
    for (int i = count - 1; i >= 0; i--) {
        p = p * r + lens[base + COEFFICIENTS_AT + i];
    }
    return lens[base + 9] * p;
}
#elif LENS_SOURCE == 2
// RationalRadial (Valve DPOLY3): g(r)/r = 1 / (1 + c0 r^2 + c1 r^4 + c2 r^6).
float gain(int base, float r, float r2) {
    int k = base + COEFFICIENTS_AT;
    return 1.0 / (1.0 + r2 * (lens[k] + r2 * (lens[k + 1] + r2 * lens[k + 2])));
}
#elif LENS_SOURCE == 3
// CatmullRomRadial: g(r)/r = S(r^2 / span) * (1 + a0 + a1 r^2), S the Catmull-Rom spline through evenly spaced knots
// with one-sided tangents on the first and last segments and a straight continuation past the last knot.
float spline(int base, float v) {
    int n = int(lens[base + 8]);
    int k0 = base + COEFFICIENTS_AT;
    float scaled = float(n - 1) * v;
    int k = int(clamp(floor(scaled), 0.0, float(n - 1)));
    float t = scaled - float(k);
    float p0;
    float m0;
    float p1;
    float m1;
    if (k == n - 1) {
        p0 = lens[k0 + n - 1];
        m0 = lens[k0 + n - 1] - lens[k0 + n - 2];
        p1 = p0 + m0;
        m1 = m0;
    } else {
        p0 = lens[k0 + k];
        p1 = lens[k0 + k + 1];
        m0 = k == 0 ? lens[k0 + 1] - lens[k0] : 0.5 * (lens[k0 + k + 1] - lens[k0 + k - 1]);
        m1 = k == n - 2 ? lens[k0 + k + 1] - lens[k0 + k] : 0.5 * (lens[k0 + k + 2] - lens[k0 + k]);
    }
    float omt = 1.0 - t;
    return (p0 * (1.0 + 2.0 * t) + m0 * t) * omt * omt + (p1 * (1.0 + 2.0 * omt) - m1 * omt) * t * t;
}

float gain(int base, float r, float r2) {
    return spline(base, r2 / lens[base + 9]) * (1.0 + lens[base + 10] + lens[base + 11] * r2);
}
#endif

// Texture coordinate of one channel at an eye-local panel position.
vec2 channelUv(int channel, ivec2 pixel, vec2 centre) {
    int base = HEADER_FLOATS + channel * CHANNEL_FLOATS;
    // Normalised and y up: ((x - cx) / unitX, (cy - y) / unitY).
    vec2 q = (centre - vec2(lens[base], lens[base + 1])) * vec2(lens[base + 2], -lens[base + 3]);
    float r2 = dot(q, q);
    float g = gain(base, sqrt(r2), r2);
    vec2 render = vec2(lens[base + 6], lens[base + 7]) + q * g * vec2(lens[base + 4], lens[base + 5]);
    return vec2(render.x * lens[0] + lens[1], render.y * lens[2] + lens[3]);
}
