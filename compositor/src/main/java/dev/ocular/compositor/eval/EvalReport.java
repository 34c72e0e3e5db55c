package dev.ocular.compositor.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What {@code ocular eval --json} prints. Per scene, per method ({@code vrnet}, {@code taau}, …), per eye
 * ({@code left}, {@code right}): means over the measured frames of PSNR (dB, display-referred sRGB; {@code psnr_y} on
 * BT.601 luma), SSIM (luma, 11×11 Gaussian σ 1.5), ꟻLIP (LDR, mean error at the eye's pixels per degree) and flicker
 * (mean |ΔY_out − ΔY_ref| over consecutive measured frames), for the whole image and split into the lens centre and
 * the periphery. {@code mean} averages the scenes. Each scene's eye also lists {@code frames}: the whole-image PSNR,
 * luma PSNR and ꟻLIP of every measured frame (numbered along the head path, warm-up included), so a mean that falls
 * short can be traced to the frames that cost it.
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
            double flicker, RegionMetrics centre, RegionMetrics periphery,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<FrameMetrics> frames) {
    }

    /** One measured frame's whole-image metrics; {@code frame} is its index along the head path. */
    public record FrameMetrics(int frame, double psnr, @JsonProperty("psnr_y") double psnrY, double flip) {
    }

    /** One scene and head path: method → eye → metrics. */
    public record SceneResult(String scene, String motion, long seed, Map<String, Map<String, EyeMetrics>> methods) {
    }
}
