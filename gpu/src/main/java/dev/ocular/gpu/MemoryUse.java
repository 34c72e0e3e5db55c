package dev.ocular.gpu;

/** Where a buffer lives and how the host reaches it. */
public enum MemoryUse {
    /** GPU-only memory; reached through staging copies. */
    DEVICE_LOCAL,
    /** Host-visible, persistently mapped, written sequentially by the host (staging uploads, per-frame constants). */
    UPLOAD,
    /** Host-visible, persistently mapped, read back by the host (downloads, query results). */
    READBACK
}
