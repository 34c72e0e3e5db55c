package dev.ocular.scenes.rig;

/** Which eye; the index matches OpenXR's view order and the multiview layer (0 = left). */
public enum Eye {
    LEFT, RIGHT;

    public int index() {
        return ordinal();
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
