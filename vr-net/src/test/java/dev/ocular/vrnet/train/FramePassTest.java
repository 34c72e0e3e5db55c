package dev.ocular.vrnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.ReferenceNet;
import dev.ocular.vrnet.reference.ToneMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

/**
 * The whole net, forward and backward: the trainer's forward pass reproduces the CPU reference executor, and its
 * gradient for every weight matches finite differences of the loss computed on the reference executor's output — so
 * what is trained is exactly what ships.
 */
class FramePassTest {
    private static final String SMALL_SPEC = """
            { "architecture": "vrnet", "version": 4,
              "inputs": ["colour_r", "colour_g", "colour_b", "depth", "motion_x", "motion_y", "lens_x", "lens_y",
                         "jitter_x", "jitter_y", "history_r", "history_g", "history_b", "history_valid"],
              "pack": { "motionSoftsign": 8.0 },
              "layers": [
                { "name": "a", "kind": "conv3x3", "in": 14, "out": 4, "activation": "relu" },
                { "name": "b", "kind": "conv3x3", "in": 4, "out": 4, "activation": "relu" },
                { "name": "head", "kind": "conv1x1", "in": 4, "out": 8, "activation": "none" } ],
              "head": ["sigma", "history_cap", "clip_gamma", "residual_y", "residual_co", "residual_cg",
                       "guide_0", "guide_1"],
              "fuse": { "sigmaBase": 0.35, "sigmaOctaves": 1.0, "capOctaves": 2.0, "gammaBase": 1.5,
                        "gammaOctaves": 1.0, "residualScale": 0.05, "maxHistory": 10.0, "minHistory": 3.0,
                        "fastMotion": 1.0, "rejection": 1.0 },
              "refine": [
                { "name": "r1", "kind": "conv3x3", "in": 5, "out": 3, "activation": "relu" },
                { "name": "r2", "kind": "conv3x3", "in": 3, "out": 3, "activation": "none" } ],
              "refineGate": 0.6 }""";

    private static final Map<String, String> META = Map.of(NetModel.META_ARCHITECTURE, "vrnet",
            NetModel.META_VERSION, "4", NetModel.META_PROVENANCE, "test");

    private static TrainFrame frame(Random r, int w, int h, int ow, int oh, boolean reset) {
        GBufferData g = TestData.gbuffer(r, w, h);
        for (int i = 0; i < g.motion().data().length; i++) {
            g.motion().data()[i] *= 0.4f;
        }
        return new TrainFrame(g, new EyeParams(ow, oh, 0.45f, 0.55f, 2.1f, 1.9f, reset),
                TestData.image(r, ow, oh, 4, 0f, 2f));
    }

    @ParameterizedTest(name = "disocclusion input {0}")
    @ValueSource(booleans = {false, true})
    void forwardReproducesTheReferenceExecutor(boolean disocclusion) {
        NetSpec spec = disocclusion ? NetSpec.shipped().withDisocclusionInput() : NetSpec.shipped();
        ParameterSet params = ParameterSet.copyOf(NetModel.random(spec, 4));
        NetModel model = params.toModel(META);
        Random r = new Random(8);
        FramePass pass = new FramePass();
        ImageData history = null;
        FramePass.Result previous = null;
        DisplayLoss loss = new DisplayLoss(1e-3f, 0.5f);
        for (int t = 0; t < 3; t++) {
            TrainFrame f = frame(r, 9, 7, 17, 12, t == 0);
            FramePass.Result result = pass.run(params, f, history, previous, loss, null);
            ReferenceNet.Forward reference = ReferenceNet.forward(model, f.gbuffer(),
                    ReferenceNet.usableHistory(history, f.params()), previous == null ? null : previous.depth(),
                    f.params());
            ImageData expected = reference.history();
            // What is shown (the refined output, display-referred) follows the reference to fp32 precision: both
            // refine in the same tone-mapped space, the reference then maps back to linear.
            Planes shown = DisplayLoss.display(FramePass.toneMappedReference(reference.output()));
            for (int i = 0; i < shown.data().length; i++) {
                assertEquals(shown.data()[i], result.shown().data()[i], 1e-4f, "frame " + t + " shown value " + i);
            }
            // Both sides round the history to fp16 after fp32 arithmetic done in a different order (the trainer's
            // convolutions and head sampling are its own code): equal to fp32 precision, except where the two fp32
            // values straddle an fp16 rounding boundary — then one fp16 ulp apart. Such steps must stay rare.
            int steps = 0;
            for (int i = 0; i < expected.data().length; i++) {
                float e = expected.data()[i];
                float a = result.output().data()[i];
                float fp32 = 2e-5f * Math.max(1f, Math.abs(e));
                if (Math.abs(a - e) > fp32) {
                    steps++;
                    assertEquals(e, a, fp16Ulp(e) * 1.001f, "frame " + t + " value " + i + ": more than one fp16 ulp");
                }
            }
            assertTrue(steps * 100 <= expected.data().length, "frame " + t + ": " + steps + " of "
                    + expected.data().length + " values differ by an fp16 rounding step");
            history = result.output();
            previous = result;
        }
    }

    /** The spacing of binary16 values around {@code v} (normal range). */
    private static float fp16Ulp(float v) {
        return Math.scalb(1f, Math.max(Math.getExponent(v), -14) - 10);
    }

    /** The same net with a per-pixel k × k refine kernel (reference/KernelResidual) instead of a free residual. */
    private static String kernelSpec(int k) {
        return SMALL_SPEC
                .replace("\"in\": 3, \"out\": 3, \"activation\": \"none\"",
                        "\"in\": 3, \"out\": " + k * k + ", \"activation\": \"none\"")
                .replace("\"refineGate\": 0.6 }", "\"refineGate\": 0.6, \"refineKernel\": " + k + " }");
    }

    @ParameterizedTest(name = "disocclusion input {0}")
    @ValueSource(booleans = {false, true})
    void gradientMatchesFiniteDifferencesOfTheReferenceExecutor(boolean disocclusion) {
        NetSpec spec = NetSpec.parse(SMALL_SPEC, "small spec");
        checkGradient(disocclusion ? spec.withDisocclusionInput() : spec);
    }

    @ParameterizedTest(name = "{0}x{0} kernel")
    @ValueSource(ints = {3, 5})
    void kernelRefineGradientMatchesFiniteDifferencesOfTheReferenceExecutor(int k) {
        NetSpec spec = NetSpec.parse(kernelSpec(k), "kernel spec");
        assertEquals(k, spec.refineKernel());
        checkGradient(spec);
    }

    /**
     * The neighbourhood clamp (refineClamp) with a free residual and with a 3 × 3 kernel: where it binds, the shown
     * value is a neighbour's fused colour, so its gradient reaches that neighbour, not the refine weights.
     */
    @ParameterizedTest(name = "kernel {0}")
    @ValueSource(ints = {0, 3})
    void clampedRefineGradientMatchesFiniteDifferencesOfTheReferenceExecutor(int k) {
        NetSpec spec = NetSpec.parse(k == 0 ? SMALL_SPEC : kernelSpec(k), "clamp spec").withRefineClamp(true);
        assertTrue(NetSpec.parse(spec.toJson(), "round trip").refineClamp());
        // The check means something only if the clamp binds on this net's output: it must change a fair share.
        ParameterSet params = ParameterSet.copyOf(NetModel.random(spec, 21));
        TrainFrame f = frame(new Random(13), 6, 5, 11, 9, true);
        ImageData clamped = ReferenceNet.forward(params.toModel(META), f.gbuffer(), null, null, f.params()).output();
        ImageData free = ReferenceNet.forward(ParameterSet.copyOf(NetModel.random(spec.withRefineClamp(false), 21))
                .toModel(META), f.gbuffer(), null, null, f.params()).output();
        int changed = 0;
        for (int i = 0; i < clamped.data().length; i++) {
            changed += clamped.data()[i] != free.data()[i] ? 1 : 0;
        }
        assertTrue(changed * 10 >= clamped.data().length, "the clamp binds on " + changed + " values only");
        checkGradient(spec);
    }

    /**
     * A two-frame window: frame 2's loss differentiated with respect to every weight, through frame 2 itself and
     * through the history frame 1 left it (which the same weights made, from frame 0's history, held fixed: the
     * window's edge). The oracle runs the reference executor for frames 1 and 2 at the perturbed weights, keeping
     * frame 1's history unrounded — the trainer passes gradients through the fp16 rounding of stored history unchanged,
     * and fp16 steps would read as kinks to finite differences. The temporal anchor (frame 1's shown output) stays
     * detached, as in the trainer. A one-frame window's gradient must fail the same check, or the test shows nothing.
     */
    @ParameterizedTest(name = "disocclusion input {0}")
    @ValueSource(booleans = {false, true})
    void twoFrameWindowGradientMatchesFiniteDifferencesThroughHistory(boolean disocclusion) {
        NetSpec small = NetSpec.parse(SMALL_SPEC, "small spec");
        NetSpec spec = disocclusion ? small.withDisocclusionInput() : small;
        ParameterSet params = ParameterSet.copyOf(NetModel.random(spec, 21));
        Random r = new Random(19);
        DisplayLoss loss = new DisplayLoss(1e-2f, 0.5f);
        TrainFrame zeroth = frame(r, 6, 5, 11, 9, true);
        TrainFrame first = frame(r, 6, 5, 11, 9, false);
        TrainFrame second = frame(r, 6, 5, 11, 9, false);
        FramePass pass = new FramePass(2);
        FramePass.Result r0 = pass.run(params, zeroth, null, null, loss, null);
        FramePass.Result stored = pass.run(params, first, r0.output(), r0, loss, null);
        // Frame 2 reads frame 1's history unrounded, as the oracle does, so both differentiate the same function.
        ImageData unrounded = TestData.unroundedHistory(stored.trace().activations()[spec.layers().size()].toImage(),
                first.gbuffer(), r0.output(), first.params(), spec.fuse());
        FramePass.Result r1 = new FramePass.Result(stored.loss(), unrounded, stored.shown(), stored.target(),
                stored.depth(), stored.trace());
        ParameterSet grads = ParameterSet.zeros(spec);
        pass.run(params, second, r1.output(), r1, loss, grads);
        ParameterSet detached = ParameterSet.zeros(spec);
        new FramePass(1).run(params, second, r1.output(), r1, loss, detached);

        Planes target = DisplayLoss.display(FramePass.toneMappedReference(second.reference()));
        DoubleSupplier oracle = () -> {
            NetModel model = params.toModel(META);
            ReferenceNet.Forward f1 = ReferenceNet.forward(model, first.gbuffer(), r0.output(), r0.depth(),
                    first.params());
            ImageData history = TestData.unroundedHistory(f1.layers().get(f1.layers().size() - 1), first.gbuffer(),
                    r0.output(), first.params(), spec.fuse());
            ImageData out = ReferenceNet.forward(model, second.gbuffer(), history, first.gbuffer().depth(),
                    second.params()).output();
            Planes y = tonemapped(out);
            return loss.evaluate(y, target, r1.shown(), r1.target(), Planes.zeros(3, y.width(), y.height()),
                    Planes.zeros(3, y.width(), y.height()));
        };
        GradCheck check = new GradCheck("two-frame window", 1e-3, 2e-5, 3e-2);
        GradCheck without = new GradCheck("one-frame window against the two-frame oracle", 1e-3, 2e-5, 3e-2);
        List<float[]> values = params.arrays();
        List<String> names = params.names();
        for (int a = 0; a < values.size(); a++) {
            for (int j = 0; j < values.get(a).length; j++) {
                String name = names.get(a) + "[" + j + "]";
                check.check(name, values.get(a), j, grads.arrays().get(a)[j], oracle);
                without.check(name, values.get(a), j, detached.arrays().get(a)[j], oracle);
            }
        }
        check.assertMostlyPassed(0.1, 100, 0.01, 0.02);
        assertThrows(AssertionFailedError.class,
                () -> without.assertMostlyPassed(0.1, 100, 0.01, 0.02));
    }

    private static Planes tonemapped(ImageData out) {
        Planes y = Planes.zeros(3, out.width(), out.height());
        for (int c = 0; c < 3; c++) {
            for (int yy = 0; yy < out.height(); yy++) {
                for (int x = 0; x < out.width(); x++) {
                    y.data()[(c * out.height() + yy) * out.width() + x] = ToneMap.forward(out.get(x, yy, c));
                }
            }
        }
        return y;
    }

    private static void checkGradient(NetSpec spec) {
        ParameterSet params = ParameterSet.copyOf(NetModel.random(spec, 21));
        Random r = new Random(13);
        DisplayLoss loss = new DisplayLoss(1e-2f, 0.5f);
        FramePass pass = new FramePass();
        // Frame 0 resets; frame 1 uses frame 0's output as (detached) history and anchors the temporal term.
        TrainFrame first = frame(r, 6, 5, 11, 9, true);
        FramePass.Result previous = pass.run(params, first, null, null, loss, null);
        TrainFrame second = frame(r, 6, 5, 11, 9, false);
        ParameterSet grads = ParameterSet.zeros(spec);
        pass.run(params, second, previous.output(), previous, loss, grads);

        Planes target = DisplayLoss.display(FramePass.toneMappedReference(second.reference()));
        DoubleSupplier oracle = () -> {
            NetModel model = params.toModel(META);
            ImageData out = ReferenceNet.forward(model, second.gbuffer(), previous.output(), previous.depth(),
                    second.params())
                    .output();
            Planes y = tonemapped(out);
            return loss.evaluate(y, target, previous.shown(), previous.target(), Planes.zeros(3, y.width(),
                    y.height()), Planes.zeros(3, y.width(), y.height()));
        };
        GradCheck check = new GradCheck("whole net", 1e-3, 2e-5, 3e-2);
        List<float[]> values = params.arrays();
        List<float[]> analytic = grads.arrays();
        List<String> names = params.names();
        for (int a = 0; a < values.size(); a++) {
            for (int j = 0; j < values.get(a).length; j++) {
                check.check(names.get(a) + "[" + j + "]", values.get(a), j, analytic.get(a)[j], oracle);
            }
        }
        check.assertPassed(0.1, 100);
    }
}
