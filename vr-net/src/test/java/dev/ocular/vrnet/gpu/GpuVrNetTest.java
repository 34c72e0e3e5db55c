package dev.ocular.vrnet.gpu;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lwjgl.vulkan.VK10.*;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.bench.SyntheticFrames;
import dev.ocular.vrnet.model.LayerSpec;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.ReferenceNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole net, stereo batch, against {@link ReferenceNet} over a sequence (reset, then history, a reset of one
 * eye at frame 2, then history again), comparing each eye's output and the history it leaves for the next frame; every
 * image a frame writes is poisoned with NaN before it, and so is every history image a frame must not read.
 */
@DeviceTest
class GpuVrNetTest {
    /** Enough frames for rounding differences fed back through history to level off (the cap is ≤ 10 samples). */
    private static final int FRAMES = 16;

    @ParameterizedTest(name = "{0}: eyes {1}x{2}->{3}x{4}, {5}x{6}->{7}x{8}")
    @CsvSource({
        "scalar, 19, 13, 38, 26, 15, 11, 45, 33",
        "scalar, 23, 17, 35, 29, 7, 5, 7, 5",
        "coopmat, 19, 13, 38, 26, 15, 11, 45, 33",
        "coopmat, 23, 17, 35, 29, 7, 5, 7, 5",
        "coopmat, 1, 1, 3, 3, 0, 0, 0, 0",
        "scalar-residual, 19, 13, 38, 26, 15, 11, 45, 33",
        "coopmat-residual, 23, 17, 35, 29, 7, 5, 7, 5",
        "scalar-kernel5, 23, 17, 35, 29, 7, 5, 7, 5",
        "coopmat-kernel5, 19, 13, 38, 26, 15, 11, 45, 33",
        "scalar-clamp, 23, 17, 35, 29, 7, 5, 7, 5",
        "coopmat-clamp, 19, 13, 38, 26, 15, 11, 45, 33",
        "scalar-noclamp, 19, 13, 38, 26, 15, 11, 45, 33",
        "scalar-upscale, 19, 13, 38, 26, 15, 11, 45, 33",
        "coopmat-upscale, 23, 17, 35, 29, 7, 5, 7, 5",
        "scalar-disocclusion, 23, 17, 35, 29, 15, 11, 45, 33",
        "coopmat-disocclusion, 19, 13, 38, 26, 7, 5, 7, 5",
    })
    void matchesReferenceOverASequence(String path, int w0, int h0, int ow0, int oh0, int w1, int h1, int ow1,
            int oh1, GpuContext gpu) {
        // The shipped spec (a per-pixel 3 x 3 refine kernel); "-residual": its last refine layer writes the residual
        // itself (refineKernel 0); "-kernel5": a 5 x 5 kernel; "-clamp" / "-noclamp": refineClamp set / unset;
        // "-upscale": the upscale ratio as a 15th input (the two eyes' ratios differ); "-disocclusion": the previous
        // depth's comparison as a 15th input (each frame's random depths make it vary everywhere).
        NetSpec shipped = NetSpec.shipped();
        NetSpec spec = path.endsWith("-residual") ? withRefineKernel(shipped, 0)
                : path.endsWith("-kernel5") ? withRefineKernel(shipped, 5)
                : path.endsWith("-clamp") ? shipped.withRefineClamp(true)
                : path.endsWith("-noclamp") ? shipped.withRefineClamp(false)
                : path.endsWith("-upscale") ? shipped.withUpscaleInput()
                : path.endsWith("-disocclusion") ? shipped.withDisocclusionInput() : shipped;
        NetPath netPath = NetPath.parse(path.replaceAll("-(residual|kernel5|clamp|noclamp|upscale|disocclusion)$", ""),
                "test");
        assumeTrue(netPath != NetPath.COOPMAT || gpu.capabilities().canRunFp16CoopMat(), "no fp16 coopmat");
        NetModel model = NetModel.random(spec, 42L + w0 + ow1);
        Random random = new Random(5L * w0 + 3L * ow1 + path.length());
        int[][] sizes = w1 == 0 ? new int[][] {{w0, h0, ow0, oh0}} : new int[][] {{w0, h0, ow0, oh0},
                {w1, h1, ow1, oh1}};
        boolean scalar = netPath == NetPath.SCALAR;
        try (GpuFixture fx = new GpuFixture(gpu); GpuVrNet net = GpuVrNet.create(gpu, model, netPath)) {
            ImageData[] history = new ImageData[sizes.length];
            ImageData[] depths = new ImageData[sizes.length];
            for (int frame = 0; frame < FRAMES; frame++) {
                List<EyeInput> inputs = frameInputs(random, sizes, frame);
                List<ImageData> expected = new ArrayList<>();
                List<ImageData> expectedHistory = new ArrayList<>();
                for (int e = 0; e < inputs.size(); e++) {
                    EyeInput in = inputs.get(e);
                    // ReferenceNet.run's loop, unrolled so the history each eye leaves can be compared too.
                    ReferenceNet.Forward f = ReferenceNet.forward(model, in.gbuffer(),
                            ReferenceNet.usableHistory(history[e], in.params()), depths[e], in.params());
                    expected.add(f.output());
                    expectedHistory.add(f.history());
                    history[e] = f.history();
                    depths[e] = in.gbuffer().depth();
                }
                List<ImageData> actualHistory = new ArrayList<>();
                List<ImageData> actual = runPoisoned(fx, net, inputs, frame == 0, actualHistory);
                String what = path + " net, frame " + frame;
                Comparison.assertClose(what + " output", expected, actual,
                        scalar ? GpuVrNet.NMSE_SCALAR : GpuVrNet.NMSE_COOPMAT,
                        scalar ? GpuVrNet.MAX_ABS_SCALAR : GpuVrNet.MAX_ABS_COOPMAT);
                Comparison.assertClose(what + " history", expectedHistory, actualHistory,
                        scalar ? GpuVrNet.NMSE_HISTORY_SCALAR : GpuVrNet.NMSE_HISTORY_COOPMAT,
                        scalar ? GpuVrNet.MAX_ABS_HISTORY_SCALAR : GpuVrNet.MAX_ABS_HISTORY_COOPMAT);
            }
        }
    }

    /** Frame 0 resets both eyes; frame 2 resets the right eye only (a per-eye preset change, say). */
    private static List<EyeInput> frameInputs(Random random, int[][] sizes, int frame) {
        List<EyeInput> inputs = new ArrayList<>();
        for (int e = 0; e < sizes.length; e++) {
            int[] s = sizes[e];
            boolean reset = frame == 0 || (frame == 2 && e == 1);
            float lensU = e == 0 ? 0.56f : 0.44f; // eyes' lens centres sit towards the nose
            inputs.add(new EyeInput(SyntheticFrames.gbuffer(random, s[0], s[1]),
                    new EyeParams(s[2], s[3], lensU, 0.5f, 2f, 2f, reset)));
        }
        return inputs;
    }

    /** Runs one frame with poisoned images; returns the outputs and adds the written histories to {@code history}. */
    private static List<ImageData> runPoisoned(GpuFixture fx, GpuVrNet net, List<EyeInput> inputs, boolean first,
            List<ImageData> history) {
        List<EyeGBuffer> gbuffers = new ArrayList<>();
        List<EyeParams> params = new ArrayList<>();
        for (EyeInput in : inputs) {
            gbuffers.add(fx.gbuffer(in.gbuffer()));
            params.add(in.params());
        }
        fx.gpu.run(cb -> {
            net.prepare(cb, gbuffers, params);
            for (int e = 0; e < inputs.size(); e++) {
                GpuFixture.poison(cb, net.output(e));
                GpuFixture.poison(cb, net.nextHistory(e));
                if (first || params.get(e).reset()) {
                    GpuFixture.poison(cb, net.history(e)); // must not be read: not written yet, or reset
                }
            }
            net.record(cb, gbuffers, params, null, 0);
        });
        List<ImageData> out = new ArrayList<>();
        for (int e = 0; e < inputs.size(); e++) {
            out.add(fx.download(net.output(e)));
            history.add(fx.download(net.history(e)));
        }
        net.forgetInputs(); // the fixture's images are per frame
        return out;
    }

    @Test
    void multiviewGBufferFeedsEachEyeFromItsLayer(GpuContext gpu) {
        NetModel model = NetModel.random(NetSpec.shipped(), 11);
        Random random = new Random(11);
        List<EyeInput> inputs = frameInputs(random, new int[][] {{13, 9, 26, 18}, {13, 9, 26, 18}}, 0);
        try (GpuFixture fx = new GpuFixture(gpu); GpuVrNet net = GpuVrNet.create(gpu, model, NetPath.SCALAR);
                ReferenceNet reference = new ReferenceNet(model)) {
            GBufferData l = inputs.get(0).gbuffer();
            GBufferData r = inputs.get(1).gbuffer();
            var colour = layered(fx, l.colour(), r.colour(), VK_FORMAT_R16G16B16A16_SFLOAT);
            var depth = layered(fx, l.depth(), r.depth(), VK_FORMAT_D32_SFLOAT);
            var motion = layered(fx, l.motion(), r.motion(), VK_FORMAT_R16G16_SFLOAT);
            List<EyeGBuffer> gbuffers = List.of(
                    new EyeGBuffer(colour, depth, motion, 0, l.jitterX(), l.jitterY()),
                    new EyeGBuffer(colour, depth, motion, 1, r.jitterX(), r.jitterY()));
            List<EyeParams> params = inputs.stream().map(EyeInput::params).toList();
            gpu.run(cb -> net.record(cb, gbuffers, params, null, 0));
            Comparison.assertClose("multiview", reference.run(inputs),
                    List.of(fx.download(net.output(0)), fx.download(net.output(1))), GpuVrNet.NMSE_SCALAR,
                    GpuVrNet.MAX_ABS_SCALAR);
        }
    }

    /** A 2-layer image holding the left eye in layer 0 and the right in layer 1, as a multiview render leaves it. */
    private static dev.ocular.gpu.GpuImage layered(GpuFixture fx, ImageData left, ImageData right, int format) {
        var image = fx.own(fx.gpu.image(new dev.ocular.gpu.ImageSpec(left.width(), left.height(), 2, 1, format,
                VK_IMAGE_USAGE_SAMPLED_BIT)));
        var a = TexelCodec.encode(left, format);
        var b = TexelCodec.encode(right, format);
        var both = java.nio.ByteBuffer.allocateDirect(a.remaining() + b.remaining()).put(a).put(b).flip();
        fx.transfers.uploadImage(both, image, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
        return image;
    }

    @Test
    void sizeChangeMidSequenceReallocatesAndDropsHistory(GpuContext gpu) {
        NetModel model = NetModel.random(NetSpec.shipped(), 12);
        Random random = new Random(12);
        int[][] before = {{11, 7, 22, 14}, {9, 9, 27, 27}};
        int[][] after = {{11, 7, 22, 14}, {9, 9, 18, 18}};  // the right eye switches preset, 3x -> 2x
        try (var gpuRunner = GpuRunner.create(gpu, model, NetPath.COOPMAT);
                ReferenceNet reference = new ReferenceNet(model)) {
            for (int frame = 0; frame < 4; frame++) {
                List<EyeInput> inputs = frameInputs(random, frame < 2 ? before : after, frame);
                Comparison.assertClose("coopmat frame " + frame + " around a size change", reference.run(inputs),
                        gpuRunner.run(inputs), GpuVrNet.NMSE_COOPMAT, GpuVrNet.MAX_ABS_COOPMAT);
            }
        }
    }

    @Test
    void refusesUnsupportedRatiosWithOneLine(GpuContext gpu) {
        NetModel model = NetModel.random(NetSpec.shipped(), 1);
        try (GpuRunner runner = GpuRunner.create(gpu, model, NetPath.SCALAR)) {
            GBufferData g = SyntheticFrames.gbuffer(new Random(1), 10, 10);
            var tooFar = assertThrows(IllegalArgumentException.class,
                    () -> runner.run(List.of(new EyeInput(g, EyeParams.centred(32, 20, true)))));
            assertTrue(tooFar.getMessage().contains("ratio 3.200x2.000") && !tooFar.getMessage().contains("\n"),
                    tooFar.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> runner.run(List.of(new EyeInput(g, EyeParams.centred(9, 10, true)))));
        }
    }

    /** {@code spec} with its last refine layer writing k × k filter weights (refineKernel k; 0: the residual). */
    static NetSpec withRefineKernel(NetSpec spec, int k) {
        List<LayerSpec> refine = new ArrayList<>(spec.refine());
        LayerSpec last = refine.remove(refine.size() - 1);
        refine.add(new LayerSpec(last.name(), last.kind(), last.in(), NetSpec.refineOutputs(k),
                last.activation()));
        return new NetSpec(spec.architecture(), spec.version(), spec.inputs(), spec.motionSoftsign(), spec.layers(),
                spec.head(), spec.fuse(), refine, spec.refineGate(), k, spec.refineClamp());
    }
}
