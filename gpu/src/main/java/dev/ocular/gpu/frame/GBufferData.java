package dev.ocular.gpu.frame;

/**
 * One eye's low-resolution render on the host, what every upscaler consumes (conventions: docs/conventions.md).
 *
 * @param colour  4 channels, linear HDR RGB + alpha (coverage), scene-referred
 * @param depth   1 channel, reverse-Z device depth: 1 at the near plane, 0 at infinity / the far plane
 * @param motion  2 channels, pixels of this image: the surface seen at pixel centre p was at p + motion in the
 *                previous frame (current → previous), camera and object motion; 0 where no vector exists
 * @param jitterX sub-pixel jitter in pixels of this image: pixel (x, y) was sampled at (x + 0.5 + jitterX, y + 0.5 +
 *                jitterY); within [−0.5, 0.5]
 */
public record GBufferData(ImageData colour, ImageData depth, ImageData motion, float jitterX, float jitterY) {
    public GBufferData {
        if (colour.channels() != 4 || depth.channels() != 1 || motion.channels() != 2) {
            throw new IllegalArgumentException("G-buffer wants colour 4, depth 1, motion 2 channels; got "
                    + colour.channels() + ", " + depth.channels() + ", " + motion.channels());
        }
        if (depth.width() != colour.width() || motion.width() != colour.width()
                || depth.height() != colour.height() || motion.height() != colour.height()) {
            throw new IllegalArgumentException("G-buffer planes differ in size");
        }
    }

    public int width() {
        return colour.width();
    }

    public int height() {
        return colour.height();
    }
}
