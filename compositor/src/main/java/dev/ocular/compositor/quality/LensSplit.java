package dev.ocular.compositor.quality;

/**
 * The regions every per-eye metric is reported for: the whole image, the lens centre (a disc around the lens centre)
 * and the periphery (the rest). Lens-centre quality matters most — it is where the eye looks and where the lens is
 * sharpest — so the evaluation splits it out (../shared/notes/conventions.md, "split lens centre vs periphery").
 */
public record LensSplit(PixelMask whole, PixelMask centre, PixelMask periphery) {
    public LensSplit {
        centre.requireSize(whole.width(), whole.height());
        periphery.requireSize(whole.width(), whole.height());
    }

    /**
     * @param centreU lens centre in UV of this image (0..1)
     * @param centreV likewise
     * @param radius  radius of the centre region in UV units
     */
    public static LensSplit of(int width, int height, double centreU, double centreV, double radius) {
        PixelMask centre = PixelMask.disc(width, height, centreU, centreV, radius);
        return new LensSplit(PixelMask.all(width, height), centre, centre.complement());
    }
}
