package dev.ocular.compositor.upscale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.vulkan.VK10.*;
import static org.lwjgl.vulkan.VK13.*;

import dev.ocular.compositor.metrics.StageTimer;
import dev.ocular.gpu.ErrorStats;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.ImageSpec;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.frame.ImageTransfer;
import dev.ocular.gpu.testing.DeviceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GPU TAAU (vr-net's fuse.comp with a zero head, read with stride 0) against {@link TaauReference}, frame by frame
 * over a sequence with random colour, depth, motion and jitter, a reset in the middle, and two eyes with independent
 * histories in one record call.
 */
@DeviceTest
class TaauUpscalerTest {
    private static final int FRAMES = 6;
    private static final int RESET_AT = 3;
    private static final int SAMPLED = VK_IMAGE_USAGE_SAMPLED_BIT;
    private static final int READ_ONLY = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;

    /** Random G-buffer as the GPU will see it (fp16 colour and motion); motion up to ±2.5 low-res pixels. */
    static GBufferData randomFrame(Random random, int w, int h) {
        ImageData colour = ImageData.zeros(w, h, 4);
        for (int i = 0; i < colour.data().length; i++) {
            colour.data()[i] = (i % 4 == 3) ? random.nextFloat() : random.nextFloat() * 4f;
        }
        ImageData depth = ImageData.zeros(w, h, 1);
        for (int i = 0; i < depth.data().length; i++) {
            depth.data()[i] = random.nextFloat();
        }
        ImageData motion = ImageData.zeros(w, h, 2);
        for (int i = 0; i < motion.data().length; i++) {
            motion.data()[i] = (random.nextFloat() - 0.5f) * 5f;
        }
        return new GBufferData(ImageTransfer.rounded(colour, VK_FORMAT_R16G16B16A16_SFLOAT), depth,
                ImageTransfer.rounded(motion, VK_FORMAT_R16G16_SFLOAT), random.nextFloat() - 0.5f,
                random.nextFloat() - 0.5f);
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({"37, 23, 63, 39", "19, 31, 57, 93", "40, 30, 40, 30", "21, 17, 31, 25"})
    void matchesCpuTwinFrameByFrame(int w, int h, int ow, int oh, GpuContext gpu) {
        Random random = new Random(w * 7919L + h * 31L + ow);
        TaauSettings settings = TaauSettings.defaults();
        TaauReference[] cpu = {new TaauReference(ow, oh, settings), new TaauReference(ow, oh, settings)};
        ImageTransfer io = new ImageTransfer(gpu);
        ImageSpec outSpec = ImageSpec.of(ow, oh, VK_FORMAT_R16G16B16A16_SFLOAT, VK_IMAGE_USAGE_STORAGE_BIT);
        try (GpuImage out0 = gpu.image(outSpec); GpuImage out1 = gpu.image(outSpec);
                TaauUpscaler taau = TaauUpscaler.create(gpu, settings)) {
            GpuImage[] outs = {out0, out1};
            for (int frame = 0; frame < FRAMES; frame++) {
                boolean reset = frame == RESET_AT;
                GBufferData[] inputs = {randomFrame(random, w, h), randomFrame(random, w, h)};
                List<GpuImage> uploaded = new ArrayList<>();
                try {
                    List<EyeJob> jobs = new ArrayList<>();
                    for (int eye = 0; eye < 2; eye++) {
                        GBufferData g = inputs[eye];
                        GpuImage c = upload(io, g.colour(), VK_FORMAT_R16G16B16A16_SFLOAT, uploaded);
                        GpuImage d = upload(io, g.depth(), VK_FORMAT_R32_SFLOAT, uploaded);
                        GpuImage m = upload(io, g.motion(), VK_FORMAT_R16G16_SFLOAT, uploaded);
                        jobs.add(new EyeJob(eye, new EyeGBuffer(c, d, m, 0, g.jitterX(), g.jitterY()), outs[eye],
                                reset, 0.5f, 0.5f, 0.5f));
                    }
                    runPoisoned(gpu, outs, cb -> taau.record(cb, jobs, StageTimer.NONE));
                } finally {
                    uploaded.forEach(GpuImage::close);
                }
                for (int eye = 0; eye < 2; eye++) {
                    ImageData expected = cpu[eye].frame(inputs[eye], reset);
                    ErrorStats stats = ErrorStats.compare(expected.data(), io.download(outs[eye]).data());
                    assertTrue(stats.within(TaauUpscaler.NMSE, TaauUpscaler.MAX_ABS), "GPU TAAU " + w + "x" + h
                            + "->" + ow + "x" + oh + " eye " + eye + " frame " + frame + (reset ? " (reset)" : "")
                            + ": " + stats);
                }
            }
        }
    }

    private static GpuImage upload(ImageTransfer io, ImageData data, int format, List<GpuImage> owned) {
        GpuImage image = io.upload(data, format, SAMPLED, READ_ONLY);
        owned.add(image);
        return image;
    }

    /** NaN-poisons the outputs, records the work, and leaves the outputs ready for download. */
    static void runPoisoned(GpuContext gpu, GpuImage[] outs, java.util.function.Consumer<dev.ocular.gpu.CommandBuffer>
            work) {
        gpu.run(cb -> {
            for (GpuImage out : outs) {
                cb.transition(out, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                        VK_ACCESS_2_TRANSFER_READ_BIT, VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
                ResampleUpscalerTest.poison(cb.handle(), out);
                cb.transition(out, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_CLEAR_BIT,
                        VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
            }
            work.accept(cb);
            for (GpuImage out : outs) {
                cb.transition(out, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT,
                        VK_ACCESS_2_TRANSFER_READ_BIT);
            }
        });
    }
}
