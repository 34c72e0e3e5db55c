package dev.ocular.vrnet.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.TimestampQueries;
import dev.ocular.gpu.frame.EyeGBuffer;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.testing.DeviceTest;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.bench.SyntheticFrames;
import dev.ocular.vrnet.model.LayerSpec;
import dev.ocular.vrnet.model.NetEnsemble;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.ReferenceEnsemble;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ensemble against {@link ReferenceEnsemble} over a sequence (resets, history, a size change of one eye), every
 * image a frame writes (the mean's outputs and each member's) poisoned with NaN first; its stages and timestamps.
 */
@DeviceTest
class GpuEnsembleTest {
    private static final int FRAMES = 6;

    @ParameterizedTest(name = "{0}, {1} members")
    @CsvSource({"scalar, 2", "scalar, 3", "coopmat, 2", "scalar, 4"})
    void matchesTheReferenceEnsembleOverASequence(String path, int members, GpuContext gpu) {
        NetPath netPath = NetPath.parse(path, "test");
        assumeTrue(netPath != NetPath.COOPMAT || gpu.capabilities().canRunFp16CoopMat(), "no fp16 coopmat");
        NetEnsemble models = randomEnsemble(members, 100L * members + path.length());
        Random random = new Random(7L * members + path.length());
        int[][] before = {{19, 13, 38, 26}, {15, 11, 45, 33}};
        int[][] after = {{19, 13, 38, 26}, {15, 11, 30, 22}}; // the right eye switches from 3x to 2x
        boolean scalar = netPath == NetPath.SCALAR;
        try (GpuFixture fx = new GpuFixture(gpu); GpuEnsemble net = GpuEnsemble.create(gpu, models, netPath);
                ReferenceEnsemble reference = new ReferenceEnsemble(models)) {
            for (int frame = 0; frame < FRAMES; frame++) {
                List<EyeInput> inputs = inputs(random, frame < 3 ? before : after, frame);
                List<ImageData> expected = reference.run(inputs);
                List<ImageData> actual = runPoisoned(fx, net, inputs);
                Comparison.assertClose(path + " ensemble of " + members + ", frame " + frame, expected, actual,
                        scalar ? GpuEnsemble.NMSE_SCALAR : GpuEnsemble.NMSE_COOPMAT,
                        scalar ? GpuEnsemble.MAX_ABS_SCALAR : GpuEnsemble.MAX_ABS_COOPMAT);
            }
        }
    }

    @Test
    void theMeanDiffersFromEachMember(GpuContext gpu) {
        // Guards the comparison above against an ensemble that only ever runs one member: with random members the
        // mean is far from each of them.
        NetEnsemble models = randomEnsemble(2, 5);
        Random random = new Random(5);
        List<EyeInput> inputs = inputs(random, new int[][] {{19, 13, 38, 26}}, 0);
        try (GpuRunner both = GpuRunner.create(gpu, models, NetPath.SCALAR);
                GpuRunner first = GpuRunner.create(gpu, models.members().get(0), NetPath.SCALAR);
                GpuRunner second = GpuRunner.create(gpu, models.members().get(1), NetPath.SCALAR)) {
            ImageData mean = both.run(inputs).get(0);
            ImageData a = first.run(inputs).get(0);
            ImageData b = second.run(inputs).get(0);
            assertTrue(maxAbs(mean, a) > 1e-2 && maxAbs(mean, b) > 1e-2, "mean vs members: " + maxAbs(mean, a)
                    + ", " + maxAbs(mean, b));
        }
    }

    @Test
    void oneMemberIsTheNetItself(GpuContext gpu) {
        NetEnsemble one = NetEnsemble.of(NetModel.random(NetSpec.shipped(), 3));
        Random random = new Random(3);
        List<EyeInput> inputs = inputs(random, new int[][] {{13, 9, 26, 18}}, 0);
        try (GpuFixture fx = new GpuFixture(gpu); GpuEnsemble net = GpuEnsemble.create(gpu, one, NetPath.SCALAR)) {
            runPoisoned(fx, net, inputs);
            GpuVrNet member = net.members().get(0);
            assertSame(member.output(0), net.output(0));
            assertEquals(member.stageNames(), net.stageNames());
            assertEquals(member.timestampCount(), net.timestampCount());
        }
    }

    @Test
    void stagesSumOverMembersAndTheMeanIsTimed(GpuContext gpu) {
        NetEnsemble models = randomEnsemble(2, 9);
        Random random = new Random(9);
        List<EyeInput> inputs = inputs(random, new int[][] {{19, 13, 38, 26}, {15, 11, 45, 33}}, 0);
        try (GpuFixture fx = new GpuFixture(gpu); GpuEnsemble net = GpuEnsemble.create(gpu, models, NetPath.SCALAR)) {
            GpuVrNet member = net.members().get(0);
            List<String> expected = new ArrayList<>(member.stageNames());
            expected.add(GpuEnsemble.MEAN_STAGE);
            assertEquals(expected, net.stageNames());
            assertEquals(2 * member.timestampCount() + 2, net.timestampCount());
            int first = 3; // the block need not start at query 0
            try (TimestampQueries queries = TimestampQueries.create(gpu.device(), first + net.timestampCount())) {
                List<EyeGBuffer> gbuffers = upload(fx, inputs);
                List<EyeParams> params = inputs.stream().map(EyeInput::params).toList();
                queries.resetAll();
                gpu.run(cb -> net.record(cb, gbuffers, params, queries, first));
                long[] stamps = queries.readAvailable(); // queries before the block were never written: -1
                long[] stages = net.stageNanos(stamps, first);
                assertEquals(net.stageNames().size(), stages.length);
                for (int s = 0; s < stages.length; s++) {
                    assertTrue(stages[s] >= 0, net.stageNames().get(s) + ": " + stages[s]);
                }
                // Member stages sum both blocks: the total is the span of both blocks minus the gap between them.
                int block = member.timestampCount();
                long members = IntStream.range(0, stages.length - 1).mapToLong(s -> stages[s]).sum();
                long spans = stamps[first + block - 1] - stamps[first] + stamps[first + 2 * block - 1]
                        - stamps[first + block];
                assertEquals(spans, members);
                net.forgetInputs();
            }
        }
    }

    @Test
    void membersMustRecordTheSameStages(GpuContext gpu) {
        NetSpec shipped = NetSpec.shipped();
        List<LayerSpec> layers = new ArrayList<>(shipped.layers());
        LayerSpec conv2 = layers.get(1);
        layers.set(1, new LayerSpec("conv2b", conv2.kind(), conv2.in(), conv2.out(), conv2.activation()));
        NetSpec renamed = new NetSpec(shipped.architecture(), shipped.version(), shipped.inputs(),
                shipped.motionSoftsign(), layers, shipped.head(), shipped.fuse(), shipped.refine(), shipped.refineGate(),
                shipped.refineKernel(), shipped.refineClamp());
        NetEnsemble mixed = new NetEnsemble(List.of(NetModel.random(shipped, 1), NetModel.random(renamed, 2)));
        var e = assertThrows(IllegalArgumentException.class, () -> GpuEnsemble.create(gpu, mixed, NetPath.SCALAR));
        assertTrue(e.getMessage().contains("member 2"), e.getMessage());
    }

    private static NetEnsemble randomEnsemble(int members, long seed) {
        List<NetModel> list = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            list.add(NetModel.random(NetSpec.shipped(), seed + 31L * i));
        }
        return new NetEnsemble(list);
    }

    /** Frame 0 resets both eyes; frame 2 resets the right eye only. */
    private static List<EyeInput> inputs(Random random, int[][] sizes, int frame) {
        List<EyeInput> inputs = new ArrayList<>();
        for (int e = 0; e < sizes.length; e++) {
            int[] s = sizes[e];
            boolean reset = frame == 0 || (frame == 2 && e == 1);
            inputs.add(new EyeInput(SyntheticFrames.gbuffer(random, s[0], s[1]),
                    new EyeParams(s[2], s[3], e == 0 ? 0.56f : 0.44f, 0.5f, 2f, 2f, reset)));
        }
        return inputs;
    }

    private static List<EyeGBuffer> upload(GpuFixture fx, List<EyeInput> inputs) {
        return inputs.stream().map(in -> fx.gbuffer(in.gbuffer())).toList();
    }

    /** One frame with every output image (the mean's and each member's) poisoned before it. */
    private static List<ImageData> runPoisoned(GpuFixture fx, GpuEnsemble net, List<EyeInput> inputs) {
        List<EyeGBuffer> gbuffers = upload(fx, inputs);
        List<EyeParams> params = inputs.stream().map(EyeInput::params).toList();
        fx.gpu.run(cb -> {
            net.prepare(cb, gbuffers, params);
            for (int e = 0; e < inputs.size(); e++) {
                GpuFixture.poison(cb, net.output(e));
                for (GpuVrNet m : net.members()) {
                    GpuFixture.poison(cb, m.output(e));
                }
            }
            net.record(cb, gbuffers, params, null, 0);
        });
        List<ImageData> out = new ArrayList<>();
        for (int e = 0; e < inputs.size(); e++) {
            out.add(fx.download(net.output(e)));
        }
        net.forgetInputs(); // the fixture's images are per frame
        return out;
    }

    private static double maxAbs(ImageData a, ImageData b) {
        double m = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    m = Math.max(m, Math.abs(a.get(x, y, c) - b.get(x, y, c)));
                }
            }
        }
        return m;
    }
}
