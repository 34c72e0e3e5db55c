package dev.ocular.vrnet.model;

/** Element-wise activation after a layer's bias. */
public enum Activation {
    RELU("relu"),
    NONE("none");

    private final String jsonName;

    Activation(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public float apply(float x) {
        return this == RELU ? Math.max(x, 0f) : x;
    }

    /** By JSON name; null when unknown. */
    public static Activation byJsonName(String name) {
        for (Activation a : values()) {
            if (a.jsonName.equals(name)) {
                return a;
            }
        }
        return null;
    }
}
