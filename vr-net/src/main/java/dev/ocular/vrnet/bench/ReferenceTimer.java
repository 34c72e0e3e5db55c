package dev.ocular.vrnet.bench;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.EyeInput;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.NetModel;
import dev.ocular.vrnet.reference.ConvOp;
import dev.ocular.vrnet.reference.FuseOp;
import dev.ocular.vrnet.reference.PackOp;
import dev.ocular.vrnet.reference.RefineOp;
import java.util.ArrayList;
import java.util.List;

/** Times the CPU reference's ops one by one for a frame (history invalid: the ops' cost does not depend on it). */
final class ReferenceTimer {
    private final NetModel model;

    ReferenceTimer(NetModel model) {
        this.model = model;
    }

    /** One frame's stage times and each eye's output (an ensemble's mean pass is timed on those). */
    record Timed(double[] micros, List<ImageData> outputs) {
    }

    /**
     * Microseconds per stage (pack, each layer, fuse, then each refine layer and apply when the spec has a refine
     * stage; the fuse stage includes building the refine input, as the GPU's fuse kernel writes it), summed over the
     * frame's eyes, and the outputs.
     */
    Timed time(List<EyeInput> frame) {
        List<ImageData> outputs = new ArrayList<>();
        int layers = model.layers().size();
        int refine = model.refine().size();
        double[] micros = new double[layers + 2 + (refine == 0 ? 0 : refine + 1)];
        for (EyeInput eye : frame) {
            long t0 = System.nanoTime();
            ImageData x = PackOp.apply(eye.gbuffer(), null, null, eye.params(), model.spec().motionSoftsign(),
                    model.spec().inputs());
            micros[0] += (System.nanoTime() - t0) / 1e3;
            for (int i = 0; i < layers; i++) {
                ConvWeights w = model.layers().get(i);
                long t = System.nanoTime();
                x = ConvOp.apply(x, w);
                micros[i + 1] += (System.nanoTime() - t) / 1e3;
            }
            long t = System.nanoTime();
            ImageData fused = FuseOp.apply(x, eye.gbuffer(), null, eye.params(), model.spec().fuse()).output();
            if (refine == 0) {
                micros[layers + 1] += (System.nanoTime() - t) / 1e3;
                outputs.add(fused);
                continue;
            }
            ImageData in = RefineOp.input(fused, x, eye.gbuffer(), eye.params(), model.spec().guides());
            ImageData r = in;
            micros[layers + 1] += (System.nanoTime() - t) / 1e3;
            for (int i = 0; i < refine; i++) {
                long ti = System.nanoTime();
                r = ConvOp.apply(r, model.refine().get(i));
                micros[layers + 2 + i] += (System.nanoTime() - ti) / 1e3;
            }
            long ta = System.nanoTime();
            ImageData refined = RefineOp.apply(fused, in, RefineOp.residual(in, r, model.spec()),
                    model.spec().refineGate(), model.spec().refineClamp());
            micros[layers + 2 + refine] += (System.nanoTime() - ta) / 1e3;
            outputs.add(refined);
        }
        return new Timed(micros, List.copyOf(outputs));
    }
}
