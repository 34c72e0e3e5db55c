package dev.ocular.compositor.eval;

import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.TaauReference;
import dev.ocular.compositor.upscale.TaauSettings;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import java.util.ArrayList;
import java.util.List;

/** The TAAU baseline through its CPU twin, one instance per eye, with the baseline's own default settings. */
final class TaauMethod implements EvalMethod {
    private final List<TaauReference> eyes = new ArrayList<>();

    TaauMethod(int outWidth, int outHeight) {
        for (int e = 0; e < 2; e++) {
            eyes.add(new TaauReference(outWidth, outHeight, TaauSettings.defaults()));
        }
    }

    @Override
    public Method method() {
        return Method.TAAU;
    }

    @Override
    public List<ImageData> frame(List<GBufferData> inputs, boolean reset) {
        List<ImageData> out = new ArrayList<>();
        for (int e = 0; e < inputs.size(); e++) {
            out.add(eyes.get(e).frame(inputs.get(e), reset));
        }
        return out;
    }
}
