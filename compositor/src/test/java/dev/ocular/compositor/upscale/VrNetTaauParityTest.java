package dev.ocular.compositor.upscale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocular.compositor.quality.SyntheticScene;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeParams;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.model.NetSpec;
import dev.ocular.vrnet.reference.ReferenceNet;
import dev.ocular.vrnet.train.ParameterSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * vr-net's starting point is the TAAU baseline: a net whose head is zero (what training starts from) reconstructs
 * exactly what TAAU does, frame after frame with history, whatever its hidden layers compute. So every gain a trained
 * net shows over TAAU is learned, and the eval compares like with like.
 */
class VrNetTaauParityTest {
    @Test
    void aZeroHeadIsTaauFrameAfterFrame() {
        SyntheticScene scene = new SyntheticScene(45, 38, 23, 19, 0.31, -0.17, 0.9, 0.4);
        NetSpec spec = NetSpec.shipped();
        NetModel model = ParameterSet.initial(spec, 5).toModel(Map.of(NetModel.META_ARCHITECTURE, "vrnet",
                NetModel.META_VERSION, Integer.toString(spec.version()), NetModel.META_PROVENANCE, "test"));
        TaauReference taau = new TaauReference(45, 38, TaauSettings.defaults());
        ImageData history = null;
        for (int t = 0; t < 12; t++) {
            GBufferData in = scene.lowRes(t);
            boolean reset = t == 0 || t == 7;
            ImageData expected = taau.frame(in, reset);
            EyeParams p = EyeParams.centred(45, 38, reset);
            ReferenceNet.Forward f = ReferenceNet.forward(model, in, ReferenceNet.usableHistory(history, p), null, p);
            for (int i = 0; i < expected.data().length; i++) {
                assertEquals(expected.data()[i], f.output().data()[i], 0f, "frame " + t + " value " + i);
            }
            assertEquals(java.util.Arrays.toString(taau.history().data()), java.util.Arrays.toString(f.history().data()),
                    "frame " + t + " history");
            history = f.history();
        }
    }
}
