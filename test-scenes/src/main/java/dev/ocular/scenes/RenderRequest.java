package dev.ocular.scenes;

import dev.ocular.scenes.render.RenderSettings;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.ScriptedViews;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code ocular scenes render} invocation.
 *
 * @param scene     a built-in scene name, a test pattern id, or a path to a .gltf/.glb file
 * @param eyes      which eyes to write
 * @param width     display (output) width per eye in pixels
 * @param height    display (output) height per eye
 * @param frame     frame number ≥ 0 (time = frame / fps; jitter phase; barcode)
 * @param scale     upscale ratio S ≥ 1: the G-buffer is rendered at round(size / S) with Halton jitter of ⌈8·S²⌉
 *                  phases and LOD bias −log2 S; 1 renders at display size (still jittered)
 * @param reference k for a k×k supersampled native reference at display size; 0 for none
 * @param motion    head motion; empty for the scene's default
 * @param seed      varies camera path phases and animation phases; 0 is canonical
 */
public record RenderRequest(String scene, Set<Eye> eyes, int width, int height, long frame, double scale,
        int reference, Path out, Optional<HeadMotion> motion, long seed, double fps) {
    public static final double MAX_SCALE = 4;
    public static final int MAX_REFERENCE = 8;

    public RenderRequest {
        eyes = Set.copyOf(eyes);
        if (eyes.isEmpty()) {
            throw new SceneInputException("no eye selected");
        }
        if (width < 1 || height < 1 || width > RenderSettings.MAX_SIZE || height > RenderSettings.MAX_SIZE) {
            throw new SceneInputException("bad size " + width + "x" + height + ": each side must be 1.."
                    + RenderSettings.MAX_SIZE);
        }
        if (frame < 0) {
            throw new SceneInputException("bad frame " + frame + ": must be >= 0");
        }
        if (!(scale >= 1 && scale <= MAX_SCALE)) {
            throw new SceneInputException("bad scale " + scale + ": must be in [1, " + MAX_SCALE + "]");
        }
        if (reference < 0 || reference > MAX_REFERENCE) {
            throw new SceneInputException("bad reference factor " + reference + ": must be 0.." + MAX_REFERENCE);
        }
        if (!(fps > 0)) {
            throw new SceneInputException("bad fps " + fps);
        }
    }

    /** Both eyes, no upscaling, no reference, the scene's default motion, seed 0, 90 fps. */
    public static RenderRequest of(String scene, int width, int height, long frame, Path out) {
        return new RenderRequest(scene, EnumSet.allOf(Eye.class), width, height, frame, 1, 0, out, Optional.empty(),
                0, ScriptedViews.DEFAULT_FPS);
    }

    public RenderRequest withEyes(Set<Eye> which) {
        return new RenderRequest(scene, which, width, height, frame, scale, reference, out, motion, seed, fps);
    }

    public RenderRequest withScale(double s) {
        return new RenderRequest(scene, eyes, width, height, frame, s, reference, out, motion, seed, fps);
    }

    public RenderRequest withReference(int k) {
        return new RenderRequest(scene, eyes, width, height, frame, scale, k, out, motion, seed, fps);
    }

    public RenderRequest withMotion(HeadMotion m) {
        return new RenderRequest(scene, eyes, width, height, frame, scale, reference, out, Optional.of(m), seed, fps);
    }

    public RenderRequest withSeed(long s) {
        return new RenderRequest(scene, eyes, width, height, frame, scale, reference, out, motion, s, fps);
    }

    /** Low-resolution (G-buffer) width: the display width divided by the scale, at least 1. */
    public int renderWidth() {
        return Math.max(1, (int) Math.round(width / scale));
    }

    public int renderHeight() {
        return Math.max(1, (int) Math.round(height / scale));
    }

    /** Parses {@code WxH} (e.g. 1032x1104). */
    public static int[] parseSize(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].strip());
                int h = Integer.parseInt(parts[1].strip());
                if (w >= 1 && h >= 1 && w <= RenderSettings.MAX_SIZE && h <= RenderSettings.MAX_SIZE) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            throw new SceneInputException("bad size '" + text + "': expected WxH with sides 1.."
                    + RenderSettings.MAX_SIZE, e);
        }
        throw new SceneInputException("bad size '" + text + "': expected WxH with sides 1.." + RenderSettings.MAX_SIZE);
    }

    /** Parses {@code left}, {@code right} or {@code both}. */
    public static Set<Eye> parseEyes(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "left" -> EnumSet.of(Eye.LEFT);
            case "right" -> EnumSet.of(Eye.RIGHT);
            case "both" -> EnumSet.allOf(Eye.class);
            default -> throw new SceneInputException("bad eye '" + text + "': expected left, right or both");
        };
    }
}
