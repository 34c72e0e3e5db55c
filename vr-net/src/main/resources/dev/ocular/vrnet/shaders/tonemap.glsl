// GLSL twin of reference/ToneMap.java: T(c) = max(c, 0) / (1 + max(c, 0)) and its inverse.
const float MAX_TONEMAPPED = 1.0 - 1.0 / 4096.0;

vec3 toneMap(vec3 c) {
    vec3 x = max(c, vec3(0.0));
    return x / (1.0 + x);
}

vec3 toneMapInverse(vec3 y) {
    return y / (1.0 - y);
}
