package dev.ocular.scenes.scene;

import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * Lighting and sky: a directional sun (also drawn as a disc in the sky), a sky gradient from horizon to zenith, and a
 * ground colour below the horizon. All colours linear HDR.
 *
 * @param sunDirection    unit vector towards the sun
 * @param sunRadiusDegrees angular radius of the visible sun disc (0.27° is the real sun)
 * @param sunDiscScale    sky radiance of the disc relative to {@code sunColour}
 */
public record Environment(Vector3fc sunDirection, Vector3fc sunColour, Vector3fc skyZenith, Vector3fc skyHorizon,
        Vector3fc ground, float sunRadiusDegrees, float sunDiscScale) {
    public Environment {
        sunDirection = new Vector3f(sunDirection).normalize();
        sunColour = new Vector3f(sunColour);
        skyZenith = new Vector3f(skyZenith);
        skyHorizon = new Vector3f(skyHorizon);
        ground = new Vector3f(ground);
    }

    /** A clear midday sky. */
    public static Environment daylight() {
        return new Environment(new Vector3f(0.4f, 0.8f, 0.3f), new Vector3f(3.0f, 2.85f, 2.6f),
                new Vector3f(0.18f, 0.35f, 0.85f), new Vector3f(0.65f, 0.75f, 0.9f), new Vector3f(0.25f, 0.22f, 0.18f),
                0.6f, 8f);
    }
}
