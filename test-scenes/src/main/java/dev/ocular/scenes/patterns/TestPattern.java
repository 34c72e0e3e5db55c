package dev.ocular.scenes.patterns;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.scenes.scene.BitmapFont;
import dev.ocular.scenes.scene.Canvas;
import dev.ocular.scenes.scene.ColourSpace;

/**
 * Headset test patterns, drawn per eye directly at the eye buffer's resolution (linear RGBA, white = 1.0). They
 * check the display path rather than an upscaler: resolution, lens-profile straightness, eye order, colour and
 * grey handling, and frame latency.
 */
public enum TestPattern {
    SIEMENS_STAR("siemens-star", "resolution: the radius where the 72 spokes blur to grey is the resolving limit",
            "Siemens star (36 black/white spoke pairs) with rings where the spoke pitch is 2 and 4 pixels"),
    GRID("grid", "lens profile: lines must look straight through the lens after distortion correction",
            "Straight-line grid (1/16 of the shorter side) centred on the eye's optical axis, with a crosshair"),
    EYE_ID("eye-id", "eye order: a swapped left/right submission is obvious",
            "A large L or R with LEFT EYE / RIGHT EYE, tinted blue (left) or orange (right)"),
    COLOUR_BARS("colour-bars", "colour and grey handling: sRGB encoding, clipping, banding",
            "75% colour bars over a smooth grey ramp and a 16-step grey scale (steps uniform in sRGB)"),
    FRAME_BARCODE("frame-barcode", "latency and frame pacing: a camera or capture decodes the frame number",
            "32-cell barcode of the frame number and eye (FrameBarcode) with the number in text");

    private final String id;
    private final String purpose;
    private final String description;

    TestPattern(String id, String purpose, String description) {
        this.id = id;
        this.purpose = purpose;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String purpose() {
        return purpose;
    }

    public String description() {
        return description;
    }

    /** Where {@link #FRAME_BARCODE} puts its barcode, as fractions of the image (for the decoder). */
    public static final double[] BARCODE_STRIP = {0.05, 0.40, 0.95, 0.60};

    public static TestPattern parse(String id) {
        for (TestPattern p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown test pattern '" + id + "'");
    }

    /** Draws this pattern for {@code eye} at {@code width}×{@code height}; {@code fov} locates the optical axis. */
    public ImageData render(Eye eye, int width, int height, long frame, FovAngles fov) {
        Canvas c = new Canvas(width, height).fill(0, 0, 0, 1);
        switch (this) {
            case SIEMENS_STAR -> PatternPainter.siemensStar(c);
            case GRID -> PatternPainter.grid(c, fov);
            case EYE_ID -> eyeId(c, eye);
            case COLOUR_BARS -> PatternPainter.colourBars(c);
            case FRAME_BARCODE -> barcode(c, eye, frame);
        }
        return c.toImage();
    }

    private static void eyeId(Canvas c, Eye eye) {
        float[] tint = eye == Eye.LEFT ? Canvas.rgba(0.1f, 0.4f, 1f, 1) : Canvas.rgba(1f, 0.35f, 0.05f, 1);
        c.fill(tint[0] * 0.08f, tint[1] * 0.08f, tint[2] * 0.08f, 1);
        double cell = c.height() * 0.6 / BitmapFont.GLYPH_HEIGHT;
        String letter = eye == Eye.LEFT ? "L" : "R";
        c.text(letter, (c.width() - BitmapFont.GLYPH_WIDTH * cell) / 2, c.height() * 0.12, cell, tint);
        String label = eye == Eye.LEFT ? "LEFT EYE" : "RIGHT EYE";
        double small = Math.max(1, c.width() / 12.0 / BitmapFont.ADVANCE);
        c.text(label, (c.width() - BitmapFont.width(label) * small) / 2, c.height() * 0.8, small,
                Canvas.rgba(1, 1, 1, 1));
    }

    private static void barcode(Canvas c, Eye eye, long frame) {
        double[] s = BARCODE_STRIP;
        FrameBarcode.draw(c, frame, eye, s[0] * c.width(), s[1] * c.height(), s[2] * c.width(), s[3] * c.height());
        String text = "FRAME " + frame + " " + eye.name();
        double cell = Math.max(1, c.width() / 3.0 / Math.max(1, BitmapFont.width(text)));
        float grey = (float) ColourSpace.srgbToLinear(0.8);
        c.text(text, (c.width() - BitmapFont.width(text) * cell) / 2, c.height() * 0.7, cell,
                Canvas.rgba(grey, grey, grey, 1));
    }
}
