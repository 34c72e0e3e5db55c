package dev.ocular.compositor.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image quality of one eye's output against the native reference. Metric definitions: conventions.md,
 * "Image-quality metrics". A metric that was not computed is NaN.
 *
 * @param psnrDb PSNR in dB on RGB (the owning {@link QualityResult} says linear or sRGB)
 * @param psnrYDb PSNR in dB on BT.601 luma
 * @param ssimY SSIM on luma (Gaussian 11×11, σ 1.5)
 * @param flipMean mean FLIP error (0 = identical, 1 = maximally different)
 * @param extra further named metrics (lens-centre vs periphery splits, flicker…), written as given
 * @param errorHeatmapPng the FLIP (or other) error map as PNG bytes, or null; the record keeps the array, callers
 *        must not modify it afterwards
 */
public record EyeQuality(double psnrDb, double psnrYDb, double ssimY, double flipMean, Map<String, Double> extra,
        byte[] errorHeatmapPng) {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public EyeQuality {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra == null ? Map.of() : extra));
        if (errorHeatmapPng != null && (errorHeatmapPng.length < PNG_SIGNATURE.length
                || !Arrays.equals(errorHeatmapPng, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0,
                        PNG_SIGNATURE.length))) {
            // Embedded as data:image/png in the report; anything else would show as a broken image.
            throw new IllegalArgumentException("errorHeatmapPng is not a PNG file");
        }
    }

    /** Just PSNR and FLIP, the two the sweep's tuning curve plots. */
    public static EyeQuality of(double psnrDb, double flipMean) {
        return new EyeQuality(psnrDb, Double.NaN, Double.NaN, flipMean, Map.of(), null);
    }
}
