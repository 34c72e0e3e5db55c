package dev.ocular.vrnet.reference;

import dev.ocular.gpu.frame.ImageData;
import dev.ocular.vrnet.model.ConvWeights;

/**
 * CPU twin of shaders/conv_scalar.comp and conv_coopmat.comp: a k×k convolution (k = 1 or 3) with zero padding, stride
 * 1, bias and activation, in float32: out[o](x, y) = act(bias[o] + Σ_i Σ_ky Σ_kx in[i](x + kx − k/2, y + ky − k/2) ·
 * weight[o][i][ky][kx]). Pure.
 */
public final class ConvOp {
    private ConvOp() {
    }

    public static ImageData apply(ImageData in, ConvWeights w) {
        var layer = w.layer();
        if (in.channels() != layer.in()) {
            throw new IllegalArgumentException("layer " + layer.name() + " wants " + layer.in() + " channels, got "
                    + in.channels());
        }
        int k = layer.kernelSize();
        int r = k / 2;
        ImageData out = ImageData.zeros(in.width(), in.height(), layer.out());
        for (int y = 0; y < in.height(); y++) {
            for (int x = 0; x < in.width(); x++) {
                for (int o = 0; o < layer.out(); o++) {
                    float sum = w.bias()[o];
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int sx = x + kx - r;
                            int sy = y + ky - r;
                            if (sx < 0 || sy < 0 || sx >= in.width() || sy >= in.height()) {
                                continue; // zero padding
                            }
                            for (int i = 0; i < layer.in(); i++) {
                                sum += in.get(sx, sy, i) * w.weight(o, i, ky, kx);
                            }
                        }
                    }
                    out.set(x, y, o, layer.activation().apply(sum));
                }
            }
        }
        return out;
    }
}
