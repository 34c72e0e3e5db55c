package dev.ocular.compositor.upscale;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.compositor.quality.FrameQuality;
import dev.ocular.compositor.quality.ImageQuality;
import dev.ocular.compositor.quality.LensSplit;
import dev.ocular.compositor.quality.SyntheticScene;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPATIAL's reason to exist: on geometry (staircase edges, an HDR hairline) the edge-adaptive reconstruction in
 * tone-mapped space beats the classic kernels; on aliased texture, where no single-frame method can recover the
 * detail, it stays close to them.
 */
class SpatialQualityTest {

    private static FrameQuality score(SyntheticScene scene, ImageData out, int ow, int oh) {
        return ImageQuality.compare(scene.reference(0), out, 10.0, LensSplit.of(ow, oh, 0.5, 0.5, 0.3));
    }

    @ParameterizedTest(name = "{0}x{1} from {2}x{3}")
    @CsvSource({"96, 80, 48, 40", "96, 80, 64, 54", "150, 120, 50, 40"})
    void beatsBicubicOnEdges(int ow, int oh, int iw, int ih) {
        SyntheticScene scene = new SyntheticScene(ow, oh, iw, ih, 0, 0).with(SyntheticScene.Pattern.SHAPES);
        GBufferData in = scene.lowRes(0);
        FrameQuality spatial = score(scene, SpatialReference.upscale(in.colour(), in.jitterX(), in.jitterY(), ow, oh,
                SpatialSettings.defaults()), ow, oh);
        FrameQuality bicubic = score(scene, ClassicResample.upscale(in.colour(), in.jitterX(), in.jitterY(), ow, oh,
                ResampleKernel.BICUBIC), ow, oh);
        assertTrue(spatial.whole().psnr() > bicubic.whole().psnr() + 1.0,
                "PSNR spatial " + spatial.whole().psnr() + " vs bicubic " + bicubic.whole().psnr());
        assertTrue(spatial.whole().flip().mean() < 0.9 * bicubic.whole().flip().mean(),
                "ꟻLIP spatial " + spatial.whole().flip().mean() + " vs bicubic " + bicubic.whole().flip().mean());
    }

    @ParameterizedTest(name = "{0}x{1} from {2}x{3}")
    @CsvSource({"96, 80, 48, 40", "96, 80, 64, 54"})
    void staysCloseToTheClassicsOnAliasedTexture(int ow, int oh, int iw, int ih) {
        SyntheticScene scene = new SyntheticScene(ow, oh, iw, ih, 0, 0);
        GBufferData in = scene.lowRes(0);
        FrameQuality spatial = score(scene, SpatialReference.upscale(in.colour(), in.jitterX(), in.jitterY(), ow, oh,
                SpatialSettings.defaults()), ow, oh);
        FrameQuality bilinear = score(scene, ClassicResample.upscale(in.colour(), in.jitterX(), in.jitterY(), ow, oh,
                ResampleKernel.BILINEAR), ow, oh);
        FrameQuality lanczos = score(scene, ClassicResample.upscale(in.colour(), in.jitterX(), in.jitterY(), ow, oh,
                ResampleKernel.LANCZOS2), ow, oh);
        assertTrue(spatial.whole().psnr() > bilinear.whole().psnr(),
                "PSNR spatial " + spatial.whole().psnr() + " vs bilinear " + bilinear.whole().psnr());
        assertTrue(spatial.whole().psnr() > lanczos.whole().psnr() - 1.5,
                "PSNR spatial " + spatial.whole().psnr() + " vs Lanczos-2 " + lanczos.whole().psnr());
    }
}
