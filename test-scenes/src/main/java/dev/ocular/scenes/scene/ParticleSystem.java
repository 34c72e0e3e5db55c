package dev.ocular.scenes.scene;

/**
 * Camera-facing, additively blended sprites that write <b>no motion vectors and no depth</b> — the way most engines
 * draw sparks, smoke and rain, and a classic source of upscaler ghosting. Positions are a pure function of time.
 */
public interface ParticleSystem {
    /** Floats per particle written by {@link #write}: centre x, y, z, radius (m), colour r, g, b (linear), alpha. */
    int FLOATS_PER_PARTICLE = 8;

    ParticleSystem NONE = new ParticleSystem() {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public void write(double time, float[] dest) {
        }
    };

    int count();

    /** Writes {@link #count()} particles at {@code time} into {@code dest} (length ≥ count × 8). */
    void write(double time, float[] dest);
}
