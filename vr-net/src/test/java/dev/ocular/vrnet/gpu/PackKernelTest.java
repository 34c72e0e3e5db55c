package dev.ocular.vrnet.gpu;

import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.GpuBuffer;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuImage;
import dev.ocular.gpu.Sampler;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.bench.SyntheticFrames;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.PackOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * shaders/pack.comp against reference/PackOp: both eyes of different odd sizes and ratios (3× by 1.7× among them),
 * with and without the optional inputs, NaN-poisoned output; eye 0 has last frame's depth, eye 1 none. The depth pack
 * writes for the next frame must be this frame's, exactly.
 */
@DeviceTest
class PackKernelTest {
    static final float SOFTSIGN = 8f;

    @ParameterizedTest(name = "fp16={0}, eyes {1}x{2}->{3}x{4} history {5}, {6}x{7}->{8}x{9} history {10}, {11} inputs")
    @CsvSource({
        "false, 37, 23, 74, 46, true, 1, 1, 3, 3, false, base",
        "false, 13, 9, 20, 15, false, 11, 7, 19, 12, true, base",
        "true, 37, 23, 74, 46, true, 1, 1, 3, 3, false, base",
        "true, 13, 9, 20, 15, false, 11, 7, 19, 12, true, base",
        "false, 13, 9, 20, 15, false, 11, 7, 33, 12, true, upscale",
        "true, 37, 23, 74, 46, true, 1, 1, 3, 3, false, upscale",
        "false, 37, 23, 74, 46, true, 11, 7, 19, 12, true, disocclusion",
        "true, 37, 23, 74, 46, true, 11, 7, 19, 12, true, disocclusion",
        "false, 13, 9, 20, 15, true, 11, 7, 33, 12, true, both",
    })
    void matchesReference(boolean fp16, int w0, int h0, int ow0, int oh0, boolean valid0, int w1, int h1, int ow1,
            int oh1, boolean valid1, String optional, GpuContext gpu) {
        Random random = new Random(7L * w0 + 11L * ow1 + (fp16 ? 1 : 0) + optional.length());
        NetSpec spec = switch (optional) {
            case "upscale" -> NetSpec.shipped().withUpscaleInput();
            case "disocclusion" -> NetSpec.shipped().withDisocclusionInput();
            case "both" -> NetSpec.shipped().withUpscaleInput().withDisocclusionInput();
            default -> NetSpec.shipped();
        };
        List<String> inputs = spec.inputs();
        int[][] sizes = {{w0, h0, ow0, oh0}, {w1, h1, ow1, oh1}};
        boolean[] valid = {valid0, valid1};
        try (GpuFixture fx = new GpuFixture(gpu); PackKernel pack = PackKernel.create(gpu, fp16, SOFTSIGN,
                inputs)) {
            Sampler sampler = fx.nearest();
            EyeSlot[] slots = {new EyeSlot(), new EyeSlot()};
            List<ImageData> expected = new ArrayList<>();
            List<ImageData> depths = new ArrayList<>();
            GpuImage[] nextDepths = new GpuImage[2];
            for (int e = 0; e < 2; e++) {
                int[] s = sizes[e];
                GBufferData g = SyntheticFrames.gbuffer(random, s[0], s[1]);
                ImageData history = SyntheticFrames.uniform(random, s[2], s[3], 4, 0f, 8f);
                // Lens centres off the image centre (as real eyes have them) and a non-square scale.
                EyeParams p = new EyeParams(s[2], s[3], e == 0 ? 0.55f : 0.45f, 0.48f, 2.1f, 2.6f, !valid[e]);
                fill(fx, slots[e], g, history, p);
                slots[e].historyValid = valid[e];
                slots[e].output = null;
                // Last frame's depth near this frame's (as after a small move), so the ratios spread around 1.
                ImageData previousDepth = SyntheticFrames.uniform(random, s[0], s[1], 1, 0.05f, 1f);
                nextDepths[e] = fillDepth(fx, slots[e], previousDepth, e == 0);
                expected.add(ConvStageTest.padChannels(PackOp.apply(g, valid[e] ? history : null,
                        e == 0 ? previousDepth : null, p, SOFTSIGN, inputs), 16));
                depths.add(g.depth());
            }
            ActivationLayout layout = new ActivationLayout(new int[] {w0, w1}, new int[] {h0, h1}, 24,
                    fp16 ? 2 : 4, 8);
            GpuBuffer act = fx.buffer(layout.bytes());
            gpu.run(cb -> {
                cb.fillBuffer(act, fp16 ? GpuFixture.NAN_F16_PAIR : GpuFixture.NAN_F32);
                GpuFixture.afterFill(cb);
                pack.record(cb, slots, act, layout, 16, sampler);
            });
            List<ImageData> actual = layout.decode(fx.transfers.download(act), 16);
            Comparison.assertClose("pack fp16=" + fp16, expected, actual,
                    fp16 ? PackKernel.NMSE_F16 : PackKernel.NMSE_F32,
                    fp16 ? PackKernel.MAX_ABS_F16 : PackKernel.MAX_ABS_F32);
            for (int e = 0; e < 2; e++) {
                Comparison.assertClose("depth pack keeps for eye " + e, List.of(depths.get(e)),
                        List.of(fx.download(nextDepths[e], HistoryPair.DEPTH_FORMAT)), 0, 0);
            }
        }
    }

    /**
     * Points {@code slot} at {@code previous} as last frame's depth (used only when {@code valid}) and at a new
     * NaN-poisoned image for this frame's, which it returns.
     */
    static GpuImage fillDepth(GpuFixture fx, EyeSlot slot, ImageData previous, boolean valid) {
        GpuImage last = fx.image(previous, HistoryPair.DEPTH_FORMAT,
                VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_STORAGE_BIT, VK_IMAGE_LAYOUT_GENERAL);
        GpuImage next = fx.poisonedOutput(previous.width(), previous.height(), HistoryPair.DEPTH_FORMAT);
        slot.previousDepth = fx.view(last);
        slot.nextDepth = fx.view(next);
        slot.depthValid = valid;
        return next;
    }

    /** Uploads one eye's G-buffer and history and points {@code slot} at them. */
    static void fill(GpuFixture fx, EyeSlot slot, GBufferData g, ImageData history, EyeParams p) {
        slot.colour = fx.arrayView(fx.input(g.colour(), VK_FORMAT_R16G16B16A16_SFLOAT));
        slot.depth = fx.arrayView(fx.input(g.depth(), VK_FORMAT_D32_SFLOAT));
        slot.motion = fx.arrayView(fx.input(g.motion(), VK_FORMAT_R16G16_SFLOAT));
        GpuImage h = fx.image(history, VK_FORMAT_R16G16B16A16_SFLOAT,
                VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_STORAGE_BIT, VK_IMAGE_LAYOUT_GENERAL);
        slot.history = fx.view(h);
        slot.layer = 0;
        slot.jitterX = g.jitterX();
        slot.jitterY = g.jitterY();
        slot.width = g.width();
        slot.height = g.height();
        slot.params = p;
    }
}
