package dev.ocular.vrnet.bench;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.reference.ConvOp;
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.PackOp;

/** Times the CPU reference's ops one by one for a frame (history invalid: the ops' cost does not depend on it). */
final class ReferenceTimer {
    private final NetModel model;

    ReferenceTimer(NetModel model) {
        this.model = model;
    }

    /** Microseconds per stage (pack, each layer, fuse), summed over the frame's eyes. */
    double[] time(java.util.List<EyeInput> frame) {
        int layers = model.layers().size();
        double[] micros = new double[layers + 2];
        for (EyeInput eye : frame) {
            long t0 = System.nanoTime();
            ImageData x = PackOp.apply(eye.gbuffer(), null, eye.params(), model.spec().motionSoftsign());
            micros[0] += (System.nanoTime() - t0) / 1e3;
            for (int i = 0; i < layers; i++) {
                ConvWeights w = model.layers().get(i);
                long t = System.nanoTime();
                x = ConvOp.apply(x, w);
                micros[i + 1] += (System.nanoTime() - t) / 1e3;
            }
            long t = System.nanoTime();
            FuseOp.apply(x, eye.gbuffer(), null, eye.params(), model.spec().fuse());
            micros[layers + 1] += (System.nanoTime() - t) / 1e3;
        }
        return micros;
    }
}
