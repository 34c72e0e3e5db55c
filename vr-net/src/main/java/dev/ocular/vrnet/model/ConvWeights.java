package dev.ocular.vrnet.model;

/**
 * The parameters of one layer in float32: {@code weight} is [out][in][k][k] row-major (PyTorch's Conv2d layout, the
 * safetensors tensor {@code NAME.weight}), {@code bias} is [out]. Arrays are shared, not copied.
 */
public record ConvWeights(LayerSpec layer, float[] weight, float[] bias) {
    public ConvWeights {
        int k = layer.kernelSize();
        if (weight.length != layer.out() * layer.in() * k * k || bias.length != layer.out()) {
            throw new IllegalArgumentException("layer " + layer.name() + ": weight " + weight.length + " / bias "
                    + bias.length + " values do not fit " + layer.out() + "x" + layer.in() + "x" + k + "x" + k);
        }
    }

    /** The weight from input channel {@code in} at kernel tap (kx, ky) to output channel {@code out}. */
    public float weight(int out, int in, int ky, int kx) {
        int k = layer.kernelSize();
        return weight[((out * layer.in() + in) * k + ky) * k + kx];
    }
}
