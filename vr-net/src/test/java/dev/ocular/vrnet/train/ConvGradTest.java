package dev.ocular.vrnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.model.Activation;
import dev.ocular.vrnet.model.ConvWeights;
import dev.ocular.vrnet.model.LayerKind;
import dev.ocular.vrnet.model.LayerSpec;
import dev.ocular.vrnet.reference.ConvOp;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The convolution's forward pass against the reference op, its backward pass against finite differences of it. */
class ConvGradTest {

    @ParameterizedTest(name = "{0} {1}→{2} {3}, {4}x{5}")
    @CsvSource({"conv3x3, 3, 4, relu, 7, 5", "conv3x3, 2, 3, none, 1, 6", "conv1x1, 4, 6, none, 5, 3",
        "conv1x1, 3, 2, relu, 9, 1"})
    void matchesReferenceAndFiniteDifferences(String kind, int in, int out, String act, int w, int h) {
        Random r = new Random(kind.hashCode() * 31L + in * 7L + out + w);
        LayerSpec layer = new LayerSpec("l", LayerKind.byJsonName(kind), in, out, Activation.byJsonName(act));
        ConvWeights weights = new ConvWeights(layer, TestData.planes(r, 1, (int) layer.macsPerPixel(), 1, 0.5f)
                .data(), TestData.planes(r, 1, out, 1, 0.2f).data());
        ImageData input = TestData.image(r, w, h, in, -1f, 1f);
        Planes upstream = TestData.planes(r, out, w, h, 1f);
        String where = kind + " " + in + "→" + out + " " + act + " " + w + "x" + h;

        Planes forward = Planes.zeros(out, w, h);
        ConvGrad.forward(weights, Planes.of(input), forward);
        ImageData expected = ConvOp.apply(input, weights);
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(expected.data()[i], forward.toImage().data()[i], 1e-5, where + ": forward value " + i);
        }

        Planes gradIn = Planes.zeros(in, w, h);
        float[] gradW = new float[weights.weight().length];
        float[] gradB = new float[out];
        Planes gradOut = new Planes(out, w, h, upstream.data().clone());
        ConvGrad.backward(weights, Planes.of(input), forward, gradOut, gradIn, gradW, gradB);

        // L = Σ upstream · ConvOp(input): its gradient is what backward computes from gradOut = upstream.
        DoubleSupplier loss = () -> {
            ImageData o = ConvOp.apply(input, weights);
            double s = 0;
            for (int c = 0; c < out; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        s += (double) o.get(x, y, c) * upstream.get(c, x, y);
                    }
                }
            }
            return s;
        };
        GradCheck check = new GradCheck(where, 1e-2, 2e-3, 2e-3);
        for (int j = 0; j < gradW.length; j++) {
            check.check("weight " + j, weights.weight(), j, gradW[j], loss);
        }
        for (int j = 0; j < out; j++) {
            check.check("bias " + j, weights.bias(), j, gradB[j], loss);
        }
        check.checkImage("input", input, gradIn, loss);
        check.assertPassed(0.05, 3);
    }
}
