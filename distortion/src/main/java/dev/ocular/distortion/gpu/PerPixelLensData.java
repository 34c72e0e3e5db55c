package dev.ocular.distortion.gpu;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.PanelVisibility;
import dev.ocular.distortion.mesh.DistortionMesh;
import dev.ocular.distortion.model.CatmullRomRadial;
import dev.ocular.distortion.model.PolynomialRadial;
import dev.ocular.distortion.model.RadialChannel;
import dev.ocular.distortion.model.RadialFunction;
import dev.ocular.distortion.model.RadialLensModel;
import dev.ocular.distortion.model.RationalRadial;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.joml.Vector2d;

/**
 * What the per-pixel kernel reads about one eye's lens: for the radial families the model's parameters (evaluated in
 * GLSL), for anything else a table of the exact texture coordinates at every pixel centre.
 *
 * <p>Parameter block, floats (mirrored by {@code lens_radial.glsl}): [0..3] the field of view as u = x·[0] + [1],
 * v = y·[2] + [3]; then per channel c at {@code HEADER_FLOATS + c·CHANNEL_FLOATS}: [0, 1] lens centre (px),
 * [2, 3] 1/unit, [4, 5] outScale, [6, 7] render offset, [8] coefficient count, [9..11] family parameters (polynomial:
 * scale; spline: span, a0, a1), [12…] coefficients (polynomial k, rational c0..c2, spline knots).
 *
 * <p>Table, floats: ((y · width + x) · 3 + channel) · 2 + axis for eye-local pixel (x, y). One entry per pixel centre
 * is exactly where the kernel evaluates, so the table adds no interpolation error (float rounding only, ~1e-7 in UV);
 * the cost is 24 bytes per pixel (55 MB for a 1440×1600 eye). Hidden pixels hold {@link DistortionMesh#OFF_IMAGE}.
 *
 * <p>Immutable after construction.
 */
final class PerPixelLensData {
    static final int HEADER_FLOATS = 4;
    static final int CHANNEL_FLOATS = 80;
    static final int COEFFICIENTS_AT = 12;
    static final int MAX_COEFFICIENTS = CHANNEL_FLOATS - COEFFICIENTS_AT;

    private final LensSource source;
    private final float[] data;

    private PerPixelLensData(LensSource source, float[] data) {
        this.source = source;
        this.data = data;
    }

    /** Analytic when every channel's radial function is a family the kernel knows, else the per-pixel table. */
    static PerPixelLensData of(EyeProfile eye, PanelVisibility visible) {
        Optional<LensSource> family = radialFamily(eye);
        return family.isPresent() ? analytic(eye, family.get()) : table(eye, visible);
    }

    LensSource source() {
        return source;
    }

    int floatCount() {
        return data.length;
    }

    ByteBuffer toBytes() {
        ByteBuffer bytes = ByteBuffer.allocateDirect(4 * data.length).order(ByteOrder.nativeOrder());
        bytes.asFloatBuffer().put(data);
        return bytes;
    }

    static Optional<LensSource> radialFamily(EyeProfile eye) {
        if (!(eye.model() instanceof RadialLensModel radial)) {
            return Optional.empty();
        }
        LensSource common = null;
        for (Channel channel : Channel.values()) {
            LensSource source = familyOf(radial.channel(channel).radial());
            if (source == null || (common != null && source != common)) {
                return Optional.empty();
            }
            common = source;
        }
        return Optional.of(common);
    }

    private static LensSource familyOf(RadialFunction function) {
        return switch (function) {
            case PolynomialRadial p when p.coefficients().length <= MAX_COEFFICIENTS -> LensSource.POLYNOMIAL;
            case RationalRadial r -> LensSource.RATIONAL;
            case CatmullRomRadial c when c.knots().length <= MAX_COEFFICIENTS -> LensSource.CATMULL_ROM;
            default -> null;
        };
    }

    static PerPixelLensData analytic(EyeProfile eye, LensSource family) {
        RadialLensModel model = (RadialLensModel) eye.model();
        float[] d = new float[HEADER_FLOATS + 3 * CHANNEL_FLOATS];
        Fov fov = eye.fov();
        double uScale = 1.0 / (fov.tanRight() - fov.tanLeft());
        double vScale = -1.0 / (fov.tanUp() - fov.tanDown());
        d[0] = (float) uScale;
        d[1] = (float) (-fov.tanLeft() * uScale);
        d[2] = (float) vScale;
        d[3] = (float) (-fov.tanUp() * vScale);
        for (Channel channel : Channel.values()) {
            writeChannel(d, HEADER_FLOATS + channel.ordinal() * CHANNEL_FLOATS, model.channel(channel));
        }
        return new PerPixelLensData(family, d);
    }

    private static void writeChannel(float[] d, int base, RadialChannel ch) {
        d[base] = (float) ch.centerX();
        d[base + 1] = (float) ch.centerY();
        d[base + 2] = (float) (1.0 / ch.unitX());
        d[base + 3] = (float) (1.0 / ch.unitY());
        d[base + 4] = (float) ch.outScaleX();
        d[base + 5] = (float) ch.outScaleY();
        d[base + 6] = (float) ch.offsetX();
        d[base + 7] = (float) ch.offsetY();
        double[] coefficients;
        switch (ch.radial()) {
            case PolynomialRadial p -> {
                coefficients = p.coefficients();
                d[base + 9] = (float) p.scale();
            }
            case RationalRadial r -> coefficients = new double[] {r.c0(), r.c1(), r.c2()};
            case CatmullRomRadial c -> {
                coefficients = c.knots();
                d[base + 9] = (float) c.span();
                d[base + 10] = (float) c.chroma0();
                d[base + 11] = (float) c.chroma1();
            }
            default -> throw new IllegalArgumentException("no GLSL form for " + ch.radial());
        }
        d[base + 8] = coefficients.length;
        for (int i = 0; i < coefficients.length; i++) {
            d[base + COEFFICIENTS_AT + i] = (float) coefficients[i];
        }
    }

    /** The model's exact UVs at every visible pixel centre, as {@code CpuDistortionPass.perPixel} computes them. */
    static PerPixelLensData table(EyeProfile eye, PanelVisibility visible) {
        int width = eye.widthPx();
        float[] d = new float[Math.multiplyExact(Math.multiplyExact(width, eye.heightPx()), 6)];
        Arrays.fill(d, DistortionMesh.OFF_IMAGE);
        Vector2d render = new Vector2d();
        Fov fov = eye.fov();
        for (int y = 0; y < eye.heightPx(); y++) {
            for (int x = 0; x < width; x++) {
                if (!visible.isVisible(x, y)) {
                    continue;
                }
                for (Channel channel : Channel.values()) {
                    eye.model().panelToRender(channel, x + 0.5, y + 0.5, render);
                    int at = ((y * width + x) * 3 + channel.ordinal()) * 2;
                    d[at] = (float) fov.toU(render.x);
                    d[at + 1] = (float) fov.toV(render.y);
                }
            }
        }
        return new PerPixelLensData(LensSource.TABLE, d);
    }
}
