package dev.ocular.distortion.profile;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.model.BrownConradyModel;
import dev.ocular.distortion.model.CatmullRomRadial;
import dev.ocular.distortion.model.PolynomialRadial;
import dev.ocular.distortion.model.RadialChannel;
import dev.ocular.distortion.model.RadialFunction;
import dev.ocular.distortion.model.RadialLensModel;
import dev.ocular.distortion.model.RationalRadial;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code lens} block of an eye in an ocular profile and builds its {@link LensModel}. The accepted fields of
 * each model are listed in {@code distortion/README.md}; every number is checked to be finite and in range, and the
 * message of any rejection names the field's JSON path.
 */
final class LensModelReader {
    private static final Set<String> MODELS =
            Set.of("panotools", "radial_polynomial", "inverse_polynomial", "catmull_rom_spline", "mesh_grid");

    private final ProfileSource source;
    private final int width;
    private final int height;

    LensModelReader(ProfileSource source, int eyeWidthPx, int eyeHeightPx) {
        this.source = source;
        this.width = eyeWidthPx;
        this.height = eyeHeightPx;
    }

    LensModel read(JsonCursor lens) {
        JsonCursor model = lens.field("model");
        String name = model.text();
        return switch (name) {
            case "panotools" -> panotools(lens);
            case "radial_polynomial" -> radialPolynomial(lens);
            case "inverse_polynomial" -> inversePolynomial(lens);
            case "catmull_rom_spline" -> spline(lens);
            case "mesh_grid" -> meshGrid(lens);
            default -> throw model.error("unknown lens model \"" + name + "\" (known: "
                    + String.join(", ", new TreeSet<>(MODELS)) + ")");
        };
    }

    private double[] center(JsonCursor lens) {
        JsonCursor field = lens.field("center_px");
        double[] c = field.numbers(2, 2);
        // A centre may sit off the viewport (a shifted lens), but not absurdly far: that is a units mistake.
        if (Math.abs(c[0] - 0.5 * width) > 4.0 * width || Math.abs(c[1] - 0.5 * height) > 4.0 * height) {
            throw field.error("lens centre (" + c[0] + ", " + c[1] + ") px is implausibly far from the " + width
                    + "×" + height + " viewport");
        }
        return c;
    }

    private double[] chroma(JsonCursor lens) {
        if (!lens.has("chroma_scale")) {
            return new double[] {1.0, 1.0, 1.0};
        }
        JsonCursor field = lens.field("chroma_scale");
        double[] scale = field.numbers(3, 3);
        for (int i = 0; i < 3; i++) {
            if (!(scale[i] > 0.5 && scale[i] < 2.0)) {
                throw field.elements(3, 3).get(i).error(scale[i] + " is not a plausible chromatic scale (0.5..2)");
            }
        }
        return scale;
    }

    /** OpenHMD / Panotools "universal": render = chroma_c · q · Σ k_i r^i · warp / focal, r in warp-scale units. */
    private LensModel panotools(JsonCursor lens) {
        lens.requireOnlyFields(Set.of("model", "center_px", "warp_scale_px", "focal_px", "k", "chroma_scale"));
        double[] c = center(lens);
        double[] warp = lens.field("warp_scale_px").positivePair();
        double[] focal = lens.field("focal_px").positivePair();
        double[] k = lens.field("k").numbers(1, 8);
        double[] chroma = chroma(lens);
        RadialChannel[] channels = new RadialChannel[3];
        for (int i = 0; i < 3; i++) {
            channels[i] = RadialChannel.centred(c[0], c[1], warp[0], warp[1], new PolynomialRadial(chroma[i], k),
                    warp[0] / focal[0], warp[1] / focal[1]);
        }
        return build(lens, "panotools", channels, Double.POSITIVE_INFINITY);
    }

    /** Brown–Conrady: radial k1..k3 and optional tangential p1, p2, in normalised (tan-angle) units. */
    private LensModel radialPolynomial(JsonCursor lens) {
        lens.requireOnlyFields(Set.of("model", "center_px", "focal_px", "k", "p", "chroma_scale"));
        double[] c = center(lens);
        double[] focal = lens.field("focal_px").positivePair();
        double[] k = lens.field("k").numbers(1, 3);
        double[] p = lens.has("p") ? lens.field("p").numbers(2, 2) : new double[] {0.0, 0.0};
        double[] chroma = chroma(lens);
        if (p[0] != 0.0 || p[1] != 0.0) {
            return new BrownConradyModel(c[0], c[1], focal[0], focal[1], k, p[0], p[1], chroma, width, height);
        }
        RadialChannel[] channels = new RadialChannel[3];
        for (int i = 0; i < 3; i++) {
            channels[i] = RadialChannel.centred(c[0], c[1], focal[0], focal[1],
                    PolynomialRadial.brownConrady(chroma[i], k), 1.0, 1.0);
        }
        return build(lens, "radial_polynomial", channels, Double.POSITIVE_INFINITY);
    }

    /**
     * Valve's per-channel inverse polynomial in Valve's normalisation: positions divided by half the viewport width,
     * centres as offsets from the viewport centre in those units (y down), focal lengths as in the intrinsics matrix.
     */
    private LensModel inversePolynomial(JsonCursor lens) {
        lens.requireOnlyFields(Set.of("model", "form", "focal", "r2_cutoff", "channels"));
        JsonCursor formField = lens.field("form");
        String form = formField.text();
        if (!form.equals("dpoly3") && !form.equals("poly3")) {
            throw formField.error("unknown form \"" + form + "\" (known: dpoly3, poly3)");
        }
        double[] focal = lens.field("focal").positivePair();
        double cutoff = lens.has("r2_cutoff") ? lens.field("r2_cutoff").positive() : Double.POSITIVE_INFINITY;
        JsonCursor channels = lens.field("channels").requireOnlyFields(Set.of("red", "green", "blue"));
        double[][] centers = new double[3][];
        double[][] coeffs = new double[3][];
        for (Channel channel : Channel.values()) {
            JsonCursor ch = channels.field(channel.jsonName()).requireOnlyFields(Set.of("center", "coeffs"));
            centers[channel.ordinal()] = ch.field("center").numbers(2, 2);
            coeffs[channel.ordinal()] = ch.field("coeffs").numbers(3, 3);
            for (int a = 0; a < 2; a++) {
                if (Math.abs(centers[channel.ordinal()][a]) > 2.0) {
                    throw ch.field("center").elements(2, 2).get(a).error("centre offset "
                            + centers[channel.ordinal()][a] + " is more than a viewport width from the middle");
                }
            }
        }
        try {
            return ValveLensGeometry.model(form, focal, cutoff, centers, coeffs, width, height);
        } catch (IllegalArgumentException e) {
            throw lens.error(e.getMessage());
        }
    }

    /** Oculus-mobile Catmull-Rom spline over r², r in tan-angle units (panel metres / metres per tan-angle). */
    private LensModel spline(JsonCursor lens) {
        lens.requireOnlyFields(Set.of("model", "center_px", "px_per_tan", "knots", "knot_span_r2", "chroma"));
        double[] c = center(lens);
        double[] unit = lens.field("px_per_tan").positivePair();
        double[] knots = lens.field("knots").numbers(3, 64);
        double span = lens.has("knot_span_r2") ? lens.field("knot_span_r2").positive() : 1.0;
        double[][] chroma = new double[][] {{0.0, 0.0}, {0.0, 0.0}, {0.0, 0.0}};
        if (lens.has("chroma")) {
            JsonCursor field = lens.field("chroma").requireOnlyFields(Set.of("red", "green", "blue"));
            for (Channel channel : Channel.values()) {
                if (field.has(channel.jsonName())) {
                    chroma[channel.ordinal()] = field.field(channel.jsonName()).numbers(2, 2);
                }
            }
        }
        RadialChannel[] channels = new RadialChannel[3];
        for (int i = 0; i < 3; i++) {
            RadialFunction g = new CatmullRomRadial(knots, span, chroma[i][0], chroma[i][1]);
            channels[i] = RadialChannel.centred(c[0], c[1], unit[0], unit[1], g, 1.0, 1.0);
        }
        return build(lens, "catmull_rom_spline", channels, Double.POSITIVE_INFINITY);
    }

    private LensModel meshGrid(JsonCursor lens) {
        lens.requireOnlyFields(Set.of("model", "file"));
        JsonCursor file = lens.field("file");
        String relative = file.text();
        if (relative.isBlank()) {
            throw file.error("empty file name");
        }
        return GridFileReader.read(source.sibling(relative), width, height);
    }

    private LensModel build(JsonCursor lens, String name, RadialChannel[] channels, double cutoff) {
        try {
            return new RadialLensModel(name, channels[0], channels[1], channels[2], cutoff, width, height);
        } catch (IllegalArgumentException e) {
            throw lens.error(e.getMessage());
        }
    }
}
