package dev.ocular.vrnet.model;

/**
 * One convolution of the feature network. Its weights are the tensors {@code NAME.weight} with shape
 * [out, in, k, k] (PyTorch's Conv2d order) and {@code NAME.bias} with shape [out].
 */
public record LayerSpec(String name, LayerKind kind, int in, int out, Activation activation) {
    public int kernelSize() {
        return kind.kernelSize();
    }

    public String weightName() {
        return name + ".weight";
    }

    public String biasName() {
        return name + ".bias";
    }

    public int[] weightShape() {
        return new int[] {out, in, kernelSize(), kernelSize()};
    }

    /** Multiply-adds per pixel. */
    public long macsPerPixel() {
        return (long) in * out * kind.taps();
    }
}
