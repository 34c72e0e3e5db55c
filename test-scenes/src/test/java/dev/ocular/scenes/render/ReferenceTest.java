package dev.ocular.scenes.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.ImageView;
import dev.ocular.gpu.MemoryUse;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.Transfers;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.rig.StereoRig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DeviceTest
class ReferenceTest {

    /**
     * box_downsample.comp against BoxDownsampleReference on random fp16 HDR values, odd sizes, output poisoned with
     * NaN: the tile must land exactly on its rectangle and leave every other output pixel untouched.
     */
    @ParameterizedTest(name = "tile {0}x{1} at ({2},{3}) k={4} in {5}x{6}")
    @CsvSource({"13, 7, 0, 0, 3, 13, 7", "5, 9, 4, 2, 2, 11, 13", "1, 1, 6, 4, 5, 7, 5", "17, 3, 1, 1, 1, 19, 5"})
    void downsampleKernelMatchesItsCpuTwin(int tw, int th, int x0, int y0, int k, int outW, int outH,
            GpuContext gpu) {
        int sw = tw * k;
        int sh = th * k;
        SplittableRandom random = new SplittableRandom(31L * tw + th + k);
        ByteBuffer halves = ByteBuffer.allocateDirect(sw * sh * 8).order(ByteOrder.nativeOrder());
        ImageData source = ImageData.zeros(sw, sh, 4);
        for (int i = 0; i < sw * sh * 4; i++) {
            short h = Float.floatToFloat16((float) (random.nextDouble() * random.nextDouble() * 100));
            halves.putShort(h);
            source.data()[i] = Float.float16ToFloat(h);
        }
        halves.flip();
        ImageData expected = BoxDownsampleReference.downsample(source, k);
        Transfers transfers = new Transfers(gpu);
        try (GpuImage image = gpu.image(ImageSpec.of(sw, sh, VK_FORMAT_R16G16B16A16_SFLOAT,
                VK_IMAGE_USAGE_SAMPLED_BIT));
                ImageView view = ImageView.of(gpu.device(), image);
                Sampler sampler = Sampler.create(gpu.device(), Sampler.Config.linearClamp());
                GpuBuffer out = gpu.buffer(16L * outW * outH, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                        MemoryUse.DEVICE_LOCAL);
                BoxDownsample kernel = BoxDownsample.create(gpu)) {
            transfers.uploadImage(halves, image, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
            gpu.run(cb -> {
                cb.fillBuffer(out, Float.floatToRawIntBits(Float.NaN));
                cb.memoryBarrier(org.lwjgl.vulkan.VK13.VK_PIPELINE_STAGE_2_CLEAR_BIT,
                        org.lwjgl.vulkan.VK13.VK_ACCESS_2_TRANSFER_WRITE_BIT,
                        org.lwjgl.vulkan.VK13.VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        org.lwjgl.vulkan.VK13.VK_ACCESS_2_SHADER_WRITE_BIT);
                kernel.record(cb, view, sampler, out, x0, y0, tw, th, k, outW);
            });
            float[] actual = new float[outW * outH * 4];
            transfers.download(out).asFloatBuffer().get(actual);
            float[] inside = new float[tw * th * 4];
            int outsideFinite = 0;
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    boolean in = x >= x0 && x < x0 + tw && y >= y0 && y < y0 + th;
                    for (int c = 0; c < 4; c++) {
                        float v = actual[(y * outW + x) * 4 + c];
                        if (in) {
                            inside[((y - y0) * tw + (x - x0)) * 4 + c] = v;
                        } else if (!Float.isNaN(v)) {
                            outsideFinite++;
                        }
                    }
                }
            }
            ErrorStats stats = ErrorStats.compare(expected.data(), inside);
            String where = "box_downsample tile " + tw + "x" + th + " k=" + k + ": " + stats;
            assertTrue(stats.within(BoxDownsample.NMSE_TOLERANCE, BoxDownsample.MAX_ABS_TOLERANCE), where);
            assertEquals(0, outsideFinite, where + ": wrote outside its tile");
        }
    }

    private static StereoFrame frame(dev.ocular.scenes.scene.Scene scene) {
        return new ScriptedViews(StereoRig.questLike(), new HeadPath(HeadMotion.SLOW_PAN, 0), scene.viewpoint(), 90)
                .frame(20);
    }

    @Test
    void referenceIsTheBoxFilteredSupersampledRenderAndTilingIsInvisible(GpuContext gpu) {
        int w = 30;
        int h = 22;
        int k = 3;
        try (SceneRenderer r = SceneRenderer.create(gpu, SceneCatalog.builtIn().build("hdr-speculars", 0))) {
            StereoFrame f = frame(r.scene());
            // The same supersampled image through the ordinary G-buffer path (no jitter, no LOD bias), downsampled
            // on the host.
            RenderSettings big = new RenderSettings(EnumSet.of(Eye.RIGHT), w * k, h * k, w * k, h * k, 1, false,
                    false);
            GBufferData supersampled = GBufferReadback.read(gpu, r.render(f, big).eye(Eye.RIGHT));
            ImageData expected = BoxDownsampleReference.downsample(supersampled.colour(), k);
            ImageData whole = r.renderReference(f, Eye.RIGHT, w, h, k);
            ErrorStats stats = ErrorStats.compare(expected.data(), whole.data());
            assertTrue(stats.within(1e-8, 1e-3), "reference vs host-downsampled render: " + stats);
            // Tiles of 12×12 samples (4×4 output pixels) cover the image in 8×6 pieces with cropped projections.
            ImageData tiled = r.renderReference(f, Eye.RIGHT, w, h, k, 12);
            ErrorStats tiling = ErrorStats.compare(whole.data(), tiled.data());
            assertTrue(tiling.within(1e-4, 0.05 * maxOf(whole)), "tiled vs whole reference: " + tiling);
        }
    }

    @Test
    void referenceRejectsBadFactors(GpuContext gpu) {
        try (SceneRenderer r = SceneRenderer.create(gpu, SceneCatalog.builtIn().build("corridor", 0))) {
            StereoFrame f = frame(r.scene());
            assertThrows(IllegalArgumentException.class, () -> r.renderReference(f, Eye.LEFT, 8, 8, 0));
            assertThrows(IllegalArgumentException.class, () -> r.renderReference(f, Eye.LEFT, 8, 8, 9));
        }
    }

    private static double maxOf(ImageData image) {
        double max = 0;
        for (float v : image.data()) {
            max = Math.max(max, v);
        }
        return max;
    }
}
