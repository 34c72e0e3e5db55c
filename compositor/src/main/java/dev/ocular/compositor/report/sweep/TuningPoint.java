package dev.ocular.compositor.report.sweep;

import dev.ocular.compositor.report.StereoEye;

/**
 * One configuration as seen from one eye: what it cost and what it looked like.
 *
 * @param index the configuration's index in the sweep
 * @param gpuMsMean mean GPU time of the eye's stages per frame, ms
 * @param gpuMsP99 p99 of the same, ms
 * @param psnrDb PSNR against the native reference, NaN when not measured
 * @param flipMean mean FLIP error, NaN when not measured
 * @param onTuningCurve whether no other configuration is at least as fast and at least as good (PSNR) for this eye
 *        and strictly better in one of the two
 */
public record TuningPoint(int index, StereoEye eye, String label, String preset, String method, double gpuMsMean,
        double gpuMsP99, double psnrDb, double flipMean, boolean onTuningCurve) {
}
