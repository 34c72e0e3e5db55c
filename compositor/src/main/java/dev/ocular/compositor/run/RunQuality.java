package dev.ocular.compositor.run;

import dev.ocular.compositor.pipeline.StereoPipeline;
import dev.ocular.compositor.quality.ErrorMapPng;
import dev.ocular.compositor.quality.Flip;
import dev.ocular.compositor.quality.FrameQuality;
import dev.ocular.compositor.quality.ImageQuality;
import dev.ocular.compositor.quality.LensSplit;
import dev.ocular.compositor.report.EyeQuality;
import dev.ocular.compositor.report.QualityResult;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.FovAngles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Image quality of a run's last frame per eye against the native reference of the same frame (k×k supersampled):
 * PSNR (display-referred RGB and luma), SSIM, FLIP at the eye's real pixels per degree, lens centre vs periphery.
 */
final class RunQuality {
    /** The lens-centre region: within this UV radius of the image centre; the rest is the periphery. */
    static final double CENTRE_RADIUS = 0.25;

    private RunQuality() {
    }

    static QualityResult measure(StereoPipeline pipeline, StereoPipeline.Frame last, Map<String, ImageData> images,
            int referenceFactor) {
        EyeQuality[] eyes = new EyeQuality[2];
        double ppd = 0;
        for (Eye eye : Eye.values()) {
            int w = pipeline.outputWidth();
            int h = pipeline.outputHeight();
            ImageData reference = pipeline.renderer().renderReference(last.frame(), eye, w, h, referenceFactor);
            images.put(RunOutputs.eyeName(eye.index()) + "_reference", reference);
            FovAngles fov = last.frame().current().eye(eye).fov();
            double hfov = Math.toDegrees(fov.angleRight() - fov.angleLeft());
            ppd = Flip.pixelsPerDegree(w, hfov);
            FrameQuality q = ImageQuality.compare(reference, images.get(RunOutputs.eyeName(eye.index()) + "_output"),
                    ppd, LensSplit.of(w, h, 0.5, 0.5, CENTRE_RADIUS));
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("psnr_centre_db", q.centre().psnr());
            extra.put("psnr_periphery_db", q.periphery().psnr());
            extra.put("flip_centre", q.centre().flip().mean());
            extra.put("flip_periphery", q.periphery().flip().mean());
            eyes[eye.index()] = new EyeQuality(q.whole().psnr(), q.whole().psnrY(), q.whole().ssim(),
                    q.whole().flip().mean(), extra, png(q));
        }
        String how = String.format("last frame vs %dx%d-supersampled native reference; display-referred (tone-mapped, "
                + "sRGB) values; FLIP LDR at %.1f pixels per degree; no temporal warm-up skipped beyond the run itself",
                referenceFactor, referenceFactor, ppd);
        return new QualityResult(how, eyes[0], eyes[1]);
    }

    private static byte[] png(FrameQuality q) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(ErrorMapPng.toImage(q.flipMap()), "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the FLIP error map", e);
        }
    }
}
