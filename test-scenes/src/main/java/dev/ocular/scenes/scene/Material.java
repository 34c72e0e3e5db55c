package dev.ocular.scenes.scene;

/**
 * How a surface shades. Colours are linear. Lit surfaces get a sun (Lambert + normalised Blinn-Phong) and a sky/ground
 * ambient term; {@code emissive} adds {@code base colour × emissive} regardless of light.
 *
 * @param texture     index into the scene's textures, or −1 for none; sampled colour multiplies {@code baseColour}
 * @param shininess   Blinn-Phong exponent (2 = matte … 4000 = mirror-like glints)
 * @param specular    specular reflectance (0 = none)
 * @param emissive    self-illumination multiplier of the base colour (HDR: may exceed 1)
 * @param alphaCutoff fragments whose alpha is below this are discarded (alpha-tested fences, foliage); 0 = opaque
 * @param unlit       ignore lighting; colour = base colour × max(emissive, 1)
 */
public record Material(float r, float g, float b, float a, int texture, float shininess, float specular,
        float emissive, float alphaCutoff, boolean unlit) {

    public static Material matte(float r, float g, float b) {
        return new Material(r, g, b, 1, -1, 8, 0.04f, 0, 0, false);
    }

    public static Material textured(int texture) {
        return new Material(1, 1, 1, 1, texture, 8, 0.04f, 0, 0, false);
    }

    public Material withTexture(int index) {
        return new Material(r, g, b, a, index, shininess, specular, emissive, alphaCutoff, unlit);
    }

    public Material withBaseColour(float nr, float ng, float nb) {
        return new Material(nr, ng, nb, a, texture, shininess, specular, emissive, alphaCutoff, unlit);
    }

    public Material withSpecular(float newSpecular, float newShininess) {
        return new Material(r, g, b, a, texture, newShininess, newSpecular, emissive, alphaCutoff, unlit);
    }

    public Material withEmissive(float newEmissive) {
        return new Material(r, g, b, a, texture, shininess, specular, newEmissive, alphaCutoff, unlit);
    }

    public Material withAlphaCutoff(float cutoff) {
        return new Material(r, g, b, a, texture, shininess, specular, emissive, cutoff, unlit);
    }

    public Material asUnlit() {
        return new Material(r, g, b, a, texture, shininess, specular, emissive, alphaCutoff, true);
    }
}
