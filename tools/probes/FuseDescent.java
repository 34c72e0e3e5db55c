import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.train.ParameterSet;
import dev.ocular.vrnet.train.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Coordinate descent over fuse constants on the validation loss: args WEIGHTS DATASET. */
public class FuseDescent {
    public static void main(String[] a) throws Exception {
        NetModel model = NetModel.load(Path.of(a[0]));
        Trainer t = FuseGrid.validator(a[1]);
        ParameterSet base = ParameterSet.copyOf(model);
        Map<String, float[]> grid = new LinkedHashMap<>();
        grid.put("gammaBase", new float[] {1.5f, 2f, 2.5f, 3f, 4f, 5f, 6f});
        grid.put("sigmaBase", new float[] {0.3f, 0.35f, 0.4f, 0.45f, 0.5f});
        grid.put("sigmaOctaves", new float[] {0.5f, 0.75f, 1f, 1.25f});
        grid.put("rejection", new float[] {0.25f, 0.5f, 1f, 2f});
        grid.put("maxHistory", new float[] {8f, 10f, 12f, 14f});
        grid.put("minHistory", new float[] {2f, 2.5f, 3f, 4f});
        grid.put("fastMotion", new float[] {0.5f, 0.75f, 1f, 1.5f});
        grid.put("capOctaves", new float[] {0.75f, 1f, 1.25f});
        grid.put("gammaOctaves", new float[] {1.5f, 2f, 2.5f});
        NetSpec cur = model.spec();
        double best = FuseGrid.loss(t, base, cur);
        System.out.printf(Locale.ROOT, "start %.6f%n", best);
        for (int sweep = 0; sweep < 3; sweep++) {
            boolean moved = false;
            for (Map.Entry<String, float[]> k : grid.entrySet()) {
                for (float v : k.getValue()) {
                    NetSpec s = FuseGrid.with(cur, k.getKey(), v);
                    if (s.fuse().equals(cur.fuse())) {
                        continue;
                    }
                    double l = FuseGrid.loss(t, base, s);
                    System.out.printf(Locale.ROOT, "  %s=%s: %.6f%n", k.getKey(), v, l);
                    if (l < best) {
                        best = l;
                        cur = s;
                        moved = true;
                    }
                }
                System.out.printf(Locale.ROOT, "sweep %d %s -> %s%n", sweep, k.getKey(), cur.fuse());
            }
            if (!moved) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "final %.6f %s%n", best, cur.toJson());
    }
}
