package dev.ocular.vrnet.gpu;

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
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.RefineOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * shaders/fuse.comp against reference/FuseOp: output and next history, ratios 1 to 3, both eyes different, both
 * written images NaN-poisoned, and an eye without history bound to a NaN-poisoned history image (which it must not
 * read).
 */
@DeviceTest
class FuseKernelTest {

    @ParameterizedTest(name = "fp16={0}, eyes {1}x{2}->{3}x{4} history {5}, {6}x{7}->{8}x{9} history {10}")
    @CsvSource({
        "false, 19, 13, 38, 26, true, 1, 1, 3, 3, false",
        "false, 13, 9, 20, 15, false, 11, 7, 19, 12, true",
        "false, 7, 5, 7, 5, true, 9, 9, 27, 27, true",
        "true, 19, 13, 38, 26, true, 1, 1, 3, 3, false",
        "true, 13, 9, 20, 15, false, 11, 7, 19, 12, true",
    })
    void matchesReference(boolean fp16, int w0, int h0, int ow0, int oh0, boolean valid0, int w1, int h1, int ow1,
            int oh1, boolean valid1, GpuContext gpu) {
        Random random = new Random(13L * w0 + 17L * ow1 + (fp16 ? 1 : 0) + (valid0 ? 2 : 0));
        int[][] sizes = {{w0, h0, ow0, oh0}, {w1, h1, ow1, oh1}};
        boolean[] valid = {valid0, valid1};
        // The residual on (the shipped spec turns it off), so the kernel's residual path is compared too.
        var constants = NetSpec.shipped().fuse().withResidualScale(0.05f);
        try (GpuFixture fx = new GpuFixture(gpu); FuseKernel fuse = FuseKernel.create(gpu, fp16, constants)) {
            Sampler sampler = fx.nearest();
            EyeSlot[] slots = {new EyeSlot(), new EyeSlot()};
            List<ImageData> heads = new ArrayList<>();
            List<ImageData> expected = new ArrayList<>();
            List<ImageData> expectedHistory = new ArrayList<>();
            GpuImage[] outputs = new GpuImage[2];
            GpuImage[] nextHistory = new GpuImage[2];
            for (int e = 0; e < 2; e++) {
                int[] s = sizes[e];
                GBufferData g = SyntheticFrames.gbuffer(random, s[0], s[1]);
                ImageData history = history(random, s[2], s[3]);
                ImageData head = SyntheticFrames.uniform(random, s[0], s[1], 6, -3f, 3f); // binary16-exact
                EyeParams p = EyeParams.centred(s[2], s[3], !valid[e]);
                PackKernelTest.fill(fx, slots[e], g, history, p);
                if (!valid[e]) {
                    slots[e].history = fx.view(fx.poisonedOutput(s[2], s[3]));
                }
                slots[e].historyValid = valid[e];
                outputs[e] = fx.poisonedOutput(s[2], s[3]);
                slots[e].output = fx.view(outputs[e]);
                nextHistory[e] = fx.poisonedOutput(s[2], s[3]);
                slots[e].nextHistory = fx.view(nextHistory[e]);
                heads.add(ConvStageTest.padChannels(head, 8));
                FuseOp.Fused fused = FuseOp.apply(head, g, valid[e] ? history : null, p, constants);
                expected.add(fused.output());
                expectedHistory.add(fused.history());
            }
            ActivationLayout layout = new ActivationLayout(new int[] {w0, w1}, new int[] {h0, h1}, 8,
                    fp16 ? 2 : 4, 8);
            GpuBuffer headBuffer = fx.buffer(layout.bytes());
            fx.upload(layout.encode(heads), headBuffer);
            gpu.run(cb -> fuse.record(cb, slots, headBuffer, layout, sampler));
            List<ImageData> actual = List.of(fx.download(outputs[0]), fx.download(outputs[1]));
            Comparison.assertClose("fuse fp16=" + fp16 + " output", expected, actual,
                    fp16 ? FuseKernel.NMSE_F16 : FuseKernel.NMSE_F32,
                    fp16 ? FuseKernel.MAX_ABS_F16 : FuseKernel.MAX_ABS_F32);
            Comparison.assertClose("fuse fp16=" + fp16 + " next history", expectedHistory,
                    List.of(fx.download(nextHistory[0]), fx.download(nextHistory[1])), FuseKernel.NMSE_HISTORY,
                    FuseKernel.MAX_ABS_HISTORY);
        }
    }

    /**
     * The REFINE variant (spec version 3) writes the refine stage's input besides the same output: T(rgb), the guides
     * interpolated like the parameters, zeros in the padding channel — every interior pixel of a NaN-poisoned buffer,
     * both eyes at different sizes and ratios.
     */
    @ParameterizedTest(name = "fp16={0}")
    @CsvSource({"false", "true"})
    void writesTheRefineInput(boolean fp16, GpuContext gpu) {
        Random random = new Random(fp16 ? 71 : 70);
        int guides = 4;
        int channels = NetSpec.REFINE_COLOUR + guides + 1; // one padding channel, which must come out zero
        int[][] sizes = {{11, 7, 21, 13}, {5, 6, 13, 15}};
        var constants = NetSpec.shipped().fuse();
        try (GpuFixture fx = new GpuFixture(gpu); FuseKernel fuse = FuseKernel.create(gpu, fp16, constants, guides)) {
            Sampler sampler = fx.nearest();
            EyeSlot[] slots = {new EyeSlot(), new EyeSlot()};
            List<ImageData> heads = new ArrayList<>();
            List<ImageData> expected = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                int[] s = sizes[e];
                GBufferData g = SyntheticFrames.gbuffer(random, s[0], s[1]);
                ImageData history = history(random, s[2], s[3]);
                ImageData head = SyntheticFrames.uniform(random, s[0], s[1], 6 + guides, -3f, 3f);
                EyeParams p = EyeParams.centred(s[2], s[3], false);
                PackKernelTest.fill(fx, slots[e], g, history, p);
                slots[e].historyValid = true;
                slots[e].output = fx.view(fx.poisonedOutput(s[2], s[3]));
                slots[e].nextHistory = fx.view(fx.poisonedOutput(s[2], s[3]));
                heads.add(ConvStageTest.padChannels(head, 12));
                ImageData fused = FuseOp.apply(head, g, history, p, constants).output();
                expected.add(ConvStageTest.padChannels(RefineOp.input(fused, head, g, p, guides), channels));
            }
            ActivationLayout layout = new ActivationLayout(new int[] {sizes[0][0], sizes[1][0]},
                    new int[] {sizes[0][1], sizes[1][1]}, 12, fp16 ? 2 : 4, 8);
            ActivationLayout refineLayout = new ActivationLayout(new int[] {sizes[0][2], sizes[1][2]},
                    new int[] {sizes[0][3], sizes[1][3]}, channels, fp16 ? 2 : 4, 0);
            GpuBuffer headBuffer = fx.buffer(layout.bytes());
            fx.upload(layout.encode(heads), headBuffer);
            GpuBuffer refineIn = fx.buffer(refineLayout.bytes());
            int nan = fp16 ? GpuFixture.NAN_F16_PAIR : GpuFixture.NAN_F32;
            gpu.run(cb -> {
                cb.fillBuffer(refineIn, nan);
                GpuFixture.afterFill(cb);
                fuse.record(cb, slots, headBuffer, layout, sampler, refineIn, refineLayout, channels);
            });
            List<ImageData> actual = refineLayout.decode(fx.transfers.download(refineIn), channels);
            Comparison.assertClose("fuse fp16=" + fp16 + " refine input", expected, actual,
                    fp16 ? FuseKernel.NMSE_REFINE_INPUT_F16 : FuseKernel.NMSE_REFINE_INPUT_F32,
                    fp16 ? FuseKernel.MAX_ABS_REFINE_INPUT_F16 : FuseKernel.MAX_ABS_REFINE_INPUT_F32);
        }
    }

    /**
     * A history as fuse writes it: RGB in [0, 8) and an accumulated weight anywhere in [0, 40) (the cap reaches
     * maxHistory · 2^capOctaves = 40), binary16-exact as an RGBA16F image holds it.
     */
    static ImageData history(Random random, int width, int height) {
        ImageData colour = SyntheticFrames.uniform(random, width, height, 3, 0f, 8f);
        ImageData weight = SyntheticFrames.uniform(random, width, height, 1, 0f, 40f);
        ImageData h = ImageData.zeros(width, height, 4);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    h.set(x, y, c, colour.get(x, y, c));
                }
                h.set(x, y, 3, weight.get(x, y, 0));
            }
        }
        return h;
    }
}
