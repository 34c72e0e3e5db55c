package dev.ocular.compositor.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What {@code ocular eval --json} prints. Per scene, per method ({@code vrnet}, {@code taau}, …), per eye
 * ({@code left}, {@code right}): means over the measured frames of PSNR (dB, display-referred sRGB; {@code psnr_y} on
 * BT.601 luma), SSIM (luma, 11×11 Gaussian σ 1.5), ꟻLIP (LDR, mean error at the eye's pixels per degree) and flicker
 * (mean |ΔY_out − ΔY_ref| over consecutive measured frames), for the whole image and split into the lens centre and
 * the periphery. {@code mean} averages the scenes.
 */
public record EvalReport(String how, double scale, long seed, int warmupFrames, int measuredFrames, int width,
        int height, int inputWidth, int inputHeight, int reference, double pixelsPerDegree, String weights,
        String netPath, List<SceneResult> scenes, Map<String, Map<String, EyeMetrics>> mean) {

    /** One region's metrics. */
    public record RegionMetrics(double psnr, @JsonProperty("psnr_y") double psnrY, double ssim, double flip,
            double flicker) {
    }

    /** One eye's metrics: the whole image, then the lens centre and the periphery. */
    public record EyeMetrics(double psnr, @JsonProperty("psnr_y") double psnrY, double ssim, double flip,
            double flicker, RegionMetrics centre, RegionMetrics periphery) {
    }

    /** One scene and head path: method → eye → metrics. */
    public record SceneResult(String scene, String motion, long seed, Map<String, Map<String, EyeMetrics>> methods) {
    }
}
