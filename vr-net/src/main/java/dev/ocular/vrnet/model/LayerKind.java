package dev.ocular.vrnet.model;

/** The layer types a vrnet spec may use; both are 2-D convolutions with zero padding that keep the image size. */
public enum LayerKind {
    CONV3X3("conv3x3", 3),
    CONV1X1("conv1x1", 1);

    private final String jsonName;
    private final int kernelSize;

    LayerKind(String jsonName, int kernelSize) {
        this.jsonName = jsonName;
        this.kernelSize = kernelSize;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Width (= height) of the square kernel. */
    public int kernelSize() {
        return kernelSize;
    }

    /** Kernel taps, kernelSize². */
    public int taps() {
        return kernelSize * kernelSize;
    }

    /** By JSON name; null when unknown. */
    public static LayerKind byJsonName(String name) {
        for (LayerKind k : values()) {
            if (k.jsonName.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
