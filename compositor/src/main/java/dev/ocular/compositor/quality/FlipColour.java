package dev.ocular.compositor.quality;

/**
 * The colour spaces ꟻLIP works in, with the constants of the NVlabs/flip reference (cpp/FLIP.h, {@code color3}):
 * sRGB (IEC 61966-2-1) → linear RGB → CIE XYZ (D65, the exact rational sRGB matrix) → YCxCz, a linearised CIELAB
 * opponent space where spatial filtering is meaningful, and CIELAB for the colour distance. Scratch arrays are passed
 * in so the per-pixel paths allocate nothing.
 */
final class FlipColour {
    /** D65 white: XYZ of linear RGB (1, 1, 1) under {@link #linearRgbToXyz}. */
    static final double WHITE_X = 0.950428545;
    static final double WHITE_Y = 1.0;
    static final double WHITE_Z = 1.088900371;

    private static final double DELTA = 6.0 / 29.0;

    private FlipColour() {
    }

    static double srgbToLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** sRGB D65 matrix with the exact rationals used by ꟻLIP (image-engineering.de technote 958). */
    static void linearRgbToXyz(double r, double g, double b, double[] xyz) {
        xyz[0] = (10135552.0 * r + 8788810.0 * g + 4435075.0 * b) / 24577794.0;
        xyz[1] = (2613072.0 * r + 8788810.0 * g + 887015.0 * b) / 12288897.0;
        xyz[2] = (1425312.0 * r + 8788810.0 * g + 70074185.0 * b) / 73733382.0;
    }

    static void xyzToLinearRgb(double x, double y, double z, double[] rgb) {
        rgb[0] = 3.241003275 * x - 1.537398934 * y - 0.498615861 * z;
        rgb[1] = -0.969224334 * x + 1.875930071 * y + 0.041554224 * z;
        rgb[2] = 0.055639423 * x - 0.204011202 * y + 1.057148933 * z;
    }

    /** XYZ → YCxCz: Y = 116·y − 16, Cx = 500·(x − y), Cz = 200·(y − z), on white-normalised x, y, z. */
    static void xyzToYCxCz(double x, double y, double z, double[] out) {
        double xn = x / WHITE_X;
        double yn = y / WHITE_Y;
        double zn = z / WHITE_Z;
        out[0] = 116.0 * yn - 16.0;
        out[1] = 500.0 * (xn - yn);
        out[2] = 200.0 * (yn - zn);
    }

    static void yCxCzToXyz(double yy, double cx, double cz, double[] xyz) {
        double yn = (yy + 16.0) / 116.0;
        xyz[0] = (yn + cx / 500.0) * WHITE_X;
        xyz[1] = yn * WHITE_Y;
        xyz[2] = (yn - cz / 200.0) * WHITE_Z;
    }

    /** CIE 1976 L*a*b* relative to D65. */
    static void xyzToLab(double x, double y, double z, double[] lab) {
        double fx = labF(x / WHITE_X);
        double fy = labF(y / WHITE_Y);
        double fz = labF(z / WHITE_Z);
        lab[0] = 116.0 * fy - 16.0;
        lab[1] = 500.0 * (fx - fy);
        lab[2] = 200.0 * (fy - fz);
    }

    private static double labF(double t) {
        return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3.0 * DELTA * DELTA) + 4.0 / 29.0;
    }

    /** Linear RGB → Hunt-adjusted CIELAB (a and b scaled by 0.01·L: chroma is less visible in the dark). */
    static void linearRgbToHuntLab(double r, double g, double b, double[] scratch, double[] lab) {
        linearRgbToXyz(r, g, b, scratch);
        xyzToLab(scratch[0], scratch[1], scratch[2], lab);
        lab[1] *= 0.01 * lab[0];
        lab[2] *= 0.01 * lab[0];
    }

    /** HyAB distance (Abasi et al. 2020): city-block in L, Euclidean in (a, b). */
    static double hyab(double[] p, double[] q) {
        double da = p[1] - q[1];
        double db = p[2] - q[2];
        return Math.abs(p[0] - q[0]) + Math.sqrt(da * da + db * db);
    }
}
