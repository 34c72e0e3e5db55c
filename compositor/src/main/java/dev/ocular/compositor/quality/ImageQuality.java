package dev.ocular.compositor.quality;

import dev.ocular.gpu.frame.ImageData;

/**
 * The per-eye, per-frame comparison the evaluation harness runs: both images go through the one display transform
 * ({@link DisplayReferred}) once, then PSNR (RGB and Y'), SSIM (Y') and ꟻLIP are computed on the whole image and
 * pooled over the lens centre and the periphery. Temporal flicker needs a sequence: {@link FlickerMeter}.
 */
public final class ImageQuality {
    /** Data range of display-referred values. */
    public static final double RANGE = 1.0;

    private ImageQuality() {
    }

    /**
     * @param referenceLinear the native-resolution reference, linear HDR (≥ 3 channels)
     * @param testLinear      the method's output, same size
     * @param pixelsPerDegree the eye's pixels per degree ({@link Flip#pixelsPerDegree})
     * @param split           the regions, sized like the images
     */
    public static FrameQuality compare(ImageData referenceLinear, ImageData testLinear, double pixelsPerDegree,
            LensSplit split) {
        if (referenceLinear.width() != testLinear.width() || referenceLinear.height() != testLinear.height()) {
            throw new IllegalArgumentException("reference " + referenceLinear.width() + "x" + referenceLinear.height()
                    + " vs output " + testLinear.width() + "x" + testLinear.height());
        }
        split.whole().requireSize(referenceLinear.width(), referenceLinear.height());
        ImageData refRgb = DisplayReferred.rgb(referenceLinear);
        ImageData testRgb = DisplayReferred.rgb(testLinear);
        ImageData refY = DisplayReferred.luma(refRgb);
        ImageData testY = DisplayReferred.luma(testRgb);
        ImageData ssimMap = Ssim.map(refY, testY, RANGE);
        ImageData flipMap = Flip.errorMap(refRgb, testRgb, pixelsPerDegree);
        return new FrameQuality(
                region(refRgb, testRgb, refY, testY, ssimMap, flipMap, split.whole()),
                region(refRgb, testRgb, refY, testY, ssimMap, flipMap, split.centre()),
                region(refRgb, testRgb, refY, testY, ssimMap, flipMap, split.periphery()),
                flipMap);
    }

    private static RegionScores region(ImageData refRgb, ImageData testRgb, ImageData refY, ImageData testY,
            ImageData ssimMap, ImageData flipMap, PixelMask mask) {
        return new RegionScores(Psnr.of(refRgb, testRgb, RANGE, mask), Psnr.of(refY, testY, RANGE, mask),
                Ssim.mean(ssimMap, mask), FlipStats.of(flipMap, mask));
    }
}
