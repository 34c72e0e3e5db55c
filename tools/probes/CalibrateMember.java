import dev.ocular.compositor.train.Dataset;
import dev.ocular.compositor.train.Shot;
import dev.ocular.compositor.train.TrainPreset;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.model.Tensor;
import dev.ocular.vrnet.train.Checkpoint;
import dev.ocular.vrnet.train.DisplayLoss;
import dev.ocular.vrnet.train.ParameterSet;
import dev.ocular.vrnet.train.RefineCalibration;
import dev.ocular.vrnet.train.TrainConfig;
import dev.ocular.vrnet.train.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The refine calibration of a finished checkpoint trained with the shipped recipe at another temporal weight, as the
 * trainer would do it: args CHECKPOINT DATASET TEMPORAL_WEIGHT OUT.
 */
public class CalibrateMember {
    public static void main(String[] a) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        TrainPreset p = TrainPreset.shipped(threads);
        TrainConfig c = p.training();
        TrainConfig m = new TrainConfig(c.streams(), c.rounds(), c.learningRate(), c.finalLearningRate(),
                c.warmupSteps(), c.clipNorm(), new DisplayLoss(1e-3f, Float.parseFloat(a[2])), c.seed(), c.threads(),
                c.validateEvery(), c.mirror(), c.averageTail(), c.lossFromFrame(), c.window());
        NetSpec spec = NetSpec.shipped();
        Checkpoint.Loaded loaded = Checkpoint.load(Path.of(a[0]), p.trained(spec));
        Dataset d = Dataset.open(Path.of(a[1]));
        Trainer t = new Trainer(m, d.split(Shot.TRAIN), d.split(Shot.VALIDATION));
        RefineCalibration.Result r = RefineCalibration.calibrate(loaded.state().result(), spec, p.refineStrengths(),
                t::validationLoss);
        for (RefineCalibration.Point q : r.curve()) {
            System.out.printf("%.2f %.6f%n", q.strength(), q.validationLoss());
        }
        System.out.println("chosen " + r.strength());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(NetModel.META_ARCHITECTURE, spec.architecture());
        meta.put(NetModel.META_VERSION, Integer.toString(spec.version()));
        meta.put(NetModel.META_PROVENANCE, "probe: checkpoint " + a[0] + " (settings " + loaded.settings()
                + "), last refine layer x " + r.strength());
        NetModel.of(spec, r.weights().allLayers(), meta).save(Path.of(a[3]), Tensor.DType.F32);
    }
}
