package dev.ocular.scenes.builtin;

import dev.ocular.scenes.scene.Noise;
import dev.ocular.scenes.scene.ParticleSystem;

/**
 * Sparks rising from a fire, drifting smoke puffs and falling snow: every particle's state is a closed-form function
 * of time and its index (a hashed birth phase), so frames are independent and deterministic.
 */
final class SparkFountain implements ParticleSystem {
    static final int SPARKS = 500;
    static final int SMOKE = 80;
    static final int SNOW = 300;

    private final long seed;

    SparkFountain(long seed) {
        this.seed = seed;
    }

    @Override
    public int count() {
        return SPARKS + SMOKE + SNOW;
    }

    @Override
    public void write(double time, float[] dest) {
        int at = 0;
        for (int i = 0; i < SPARKS; i++) {
            at = spark(i, time, dest, at);
        }
        for (int i = 0; i < SMOKE; i++) {
            at = smoke(i, time, dest, at);
        }
        for (int i = 0; i < SNOW; i++) {
            at = snow(i, time, dest, at);
        }
    }

    private double rand(int i, int k) {
        return Noise.hash(seed, i, k);
    }

    private int spark(int i, double time, float[] d, int at) {
        double life = 1.2 + 0.8 * rand(i, 1);
        double age = positiveMod(time + rand(i, 2) * life, life);
        double angle = 2 * Math.PI * rand(i, 3);
        double speed = 0.3 + 0.5 * rand(i, 4);
        double x = Math.cos(angle) * speed * age + 0.15 * Math.sin(7 * age + angle);
        double z = -3 + Math.sin(angle) * speed * age * 0.6;
        double y = 0.25 + (1.6 + rand(i, 5)) * age - 0.35 * age * age;
        double fade = 1 - age / life;
        return put(d, at, x, y, z, 0.012 + 0.015 * rand(i, 6), 6 * fade, 2.2 * fade * fade, 0.4 * fade * fade * fade,
                1);
    }

    private int smoke(int i, double time, float[] d, int at) {
        double life = 4 + 2 * rand(i, 11);
        double age = positiveMod(time + rand(i, 12) * life, life);
        double x = 0.3 * Math.sin(0.9 * age + 6 * rand(i, 13)) + 0.25 * age;
        double y = 0.6 + 0.7 * age;
        double z = -3.1 - 0.2 * rand(i, 14);
        double fade = Math.sin(Math.PI * age / life);
        return put(d, at, x, y, z, 0.15 + 0.12 * age, 0.5, 0.5, 0.52, 0.18 * fade);
    }

    private int snow(int i, double time, float[] d, int at) {
        double fall = 6;
        double y = 5.5 - positiveMod(time * (0.8 + 0.4 * rand(i, 21)) + rand(i, 22) * fall, fall);
        double x = -4 + 8 * rand(i, 23) + 0.2 * Math.sin(time * 1.3 + 9 * rand(i, 24));
        double z = -1.2 - 5 * rand(i, 25);
        return put(d, at, x, y, z, 0.012, 1.4, 1.45, 1.5, 0.9);
    }

    private static double positiveMod(double v, double m) {
        double r = v % m;
        return r < 0 ? r + m : r;
    }

    private static int put(float[] d, int at, double x, double y, double z, double radius, double r, double g,
            double b, double a) {
        d[at] = (float) x;
        d[at + 1] = (float) y;
        d[at + 2] = (float) z;
        d[at + 3] = (float) radius;
        d[at + 4] = (float) r;
        d[at + 5] = (float) g;
        d[at + 6] = (float) b;
        d[at + 7] = (float) a;
        return at + FLOATS_PER_PARTICLE;
    }
}
