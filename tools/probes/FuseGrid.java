import dev.ocular.compositor.train.Dataset;
import dev.ocular.compositor.train.Shot;
import dev.ocular.compositor.train.TrainPreset;
import dev.ocular.vrnet.model.FuseConstants;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.train.ParameterSet;
import dev.ocular.vrnet.train.Trainer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The validation loss (the trainer's own, on the validation shots of a dataset) of one weights file with one fuse
 * constant moved at a time: args WEIGHTS DATASET then NAME=v1,v2,... groups (NAME a FuseConstants field or "gate").
 */
public class FuseGrid {
    public static void main(String[] a) throws Exception {
        NetModel model = NetModel.load(Path.of(a[0]));
        Trainer t = validator(a[1]);
        ParameterSet base = ParameterSet.copyOf(model);
        NetSpec s0 = model.spec();
        System.out.printf(Locale.ROOT, "base: %.6f%n", t.validationLoss(base));
        for (int i = 2; i < a.length; i++) {
            String name = a[i].substring(0, a[i].indexOf('='));
            for (String v : a[i].substring(a[i].indexOf('=') + 1).split(",")) {
                System.out.printf(Locale.ROOT, "%s=%s: %.6f%n", name, v,
                        loss(t, base, with(s0, name, Float.parseFloat(v))));
            }
        }
    }

    /** The shipped preset's member-1 trainer on a dataset's validation shots: it scores, it does not train. */
    static Trainer validator(String dataset) {
        Dataset d = Dataset.open(Path.of(dataset));
        int threads = Runtime.getRuntime().availableProcessors();
        return new Trainer(TrainPreset.shipped(threads).training(), d.split(Shot.TRAIN), d.split(Shot.VALIDATION));
    }

    /** The validation loss of {@code base}'s tensors under spec {@code s}. */
    static double loss(Trainer t, ParameterSet base, NetSpec s) {
        ParameterSet p = ParameterSet.zeros(s);
        p.copyFrom(base);
        return t.validationLoss(p);
    }

    static NetSpec with(NetSpec s, String name, float v) {
        FuseConstants f = s.fuse();
        float[] x = {f.sigmaBase(), f.sigmaOctaves(), f.capOctaves(), f.gammaBase(), f.gammaOctaves(),
            f.residualScale(), f.maxHistory(), f.minHistory(), f.fastMotion(), f.rejection()};
        String[] n = {"sigmaBase", "sigmaOctaves", "capOctaves", "gammaBase", "gammaOctaves", "residualScale",
            "maxHistory", "minHistory", "fastMotion", "rejection"};
        float gate = s.refineGate();
        boolean found = name.equals("gate");
        if (found) {
            gate = v;
        }
        for (int i = 0; i < n.length; i++) {
            if (n[i].equals(name)) {
                x[i] = v;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException(name);
        }
        FuseConstants g = new FuseConstants(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9]);
        return new NetSpec(s.architecture(), s.version(), s.inputs(), s.motionSoftsign(), s.layers(), s.head(), g,
                s.refine(), gate, s.refineKernel(), s.refineClamp());
    }
}
