package dev.ocular.compositor.eval;

import dev.ocular.compositor.quality.*;
import dev.ocular.compositor.upscale.*;
import dev.ocular.gpu.frame.*;
import dev.ocular.vrnet.*;
import dev.ocular.vrnet.model.*;
import dev.ocular.vrnet.reference.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchCeilingTest {
    static double psnr(ImageData r, ImageData t) {
        return Psnr.of(DisplayReferred.rgb(r), DisplayReferred.rgb(t), 1.0, PixelMask.all(r.width(), r.height()));
    }
    static float logit(float v, float lo, float hi) { float s = (v - lo) / (hi - lo); return (float) Math.log(s / (1 - s)); }

    NetModel constant(float sigma, float alpha, float gamma) {
        NetSpec spec = NetSpec.shipped();
        var k = spec.fuse();
        List<ConvWeights> ls = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            float[] w = new float[l.out() * l.in() * l.kind().taps()];
            float[] b = new float[l.out()];
            if (i == spec.layers().size() - 1) {
                b[0] = logit(sigma, k.sigmaMin(), k.sigmaMax());
                b[1] = logit(alpha, k.alphaMin(), k.alphaMax());
                b[2] = logit(gamma, k.gammaMin(), k.gammaMax());
            }
            ls.add(new ConvWeights(l, w, b));
        }
        return NetModel.of(spec, ls, Map.of("architecture", "vrnet", "version", "1", "provenance", "scratch"));
    }

    @Test
    void ceiling() {
        for (double[] mv : new double[][] {{0, 0}, {0.37, -0.21}, {1.3, 0.4}}) {
            int ow = 96, oh = 80, iw = 48, ih = 40;
            SyntheticScene scene = new SyntheticScene(ow, oh, iw, ih, mv[0], mv[1]);
            TaauReference taau = new TaauReference(ow, oh, TaauSettings.defaults());
            float[][] cfg = {{0.31f, 0.1f, 1f}, {0.31f, 0.05f, 1.5f}, {0.5f, 0.1f, 1f}, {0.31f, 0.2f, 1f}};
            List<ReferenceNet> nets = new ArrayList<>();
            for (float[] c : cfg) nets.add(new ReferenceNet(constant(c[0], c[1], c[2])));
            double[] sums = new double[cfg.length + 2];
            int n = 0;
            for (int t = 0; t < 32; t++) {
                GBufferData in = scene.lowRes(t);
                ImageData ref = scene.reference(t);
                ImageData o = taau.frame(in, false);
                ImageData cubic = ClassicResample.upscale(in.colour(), in.jitterX(), in.jitterY(), ow, oh, ResampleKernel.BICUBIC);
                List<ImageData> outs = new ArrayList<>();
                for (ReferenceNet r : nets) outs.add(r.run(List.of(new EyeInput(in, EyeParams.centred(ow, oh, t == 0)))).get(0));
                if (t >= 16) {
                    sums[0] += psnr(ref, o); sums[1] += psnr(ref, cubic);
                    for (int i = 0; i < outs.size(); i++) sums[2 + i] += psnr(ref, outs.get(i));
                    n++;
                }
            }
            StringBuilder sb = new StringBuilder("mv " + Arrays.toString(mv) + ": taau " + sums[0] / n + " bicubic " + sums[1] / n);
            for (int i = 0; i < cfg.length; i++) sb.append(" | vr" + Arrays.toString(cfg[i]) + " " + sums[2 + i] / n);
            System.out.println(sb);
        }
    }
}
