package dev.ocular.vrnet.train;

/**
 * The training loss, measured where the evaluation measures quality: on display-referred values (per-channel Reinhard
 * then the sRGB transfer function, the transform ocular's PSNR, SSIM and ꟻLIP use). The fuse op's tone-mapped output y
 * is already Reinhard of the linear output (T(y / (1 − y)) = y), so only the sRGB curve lies between y and the metric.
 *
 * <p>Spatial term: Charbonnier √(e² + ε²) of e = D(y) − D(ref) (a smooth L1, robust to the few pixels no method can
 * get right). Temporal term, weighted by {@code temporalWeight}: Charbonnier of the difference between the output's
 * and the reference's frame-to-frame change, (D(y_t) − D(y_{t−1})) − (D(ref_t) − D(ref_{t−1})) — the flicker metric's
 * quantity, per channel — with the previous output detached. Edge term, weighted by {@code edgeWeight}: Charbonnier of
 * the difference between the output's and the reference's differences to the right and lower neighbour, D(y)(p + e) −
 * D(y)(p) − (D(ref)(p + e) − D(ref)(p)): it penalises edges the output adds or loses (halos, ringing, blur), which a
 * per-pixel error forgives and ꟻLIP's edge detector does not. Feature term, weighted by {@code featureWeight}:
 * ꟻLIP's own feature detector at the headset's pixels per degree ({@link FeatureTerm}), summed over pixels and divided
 * by the value count like the others. All are means over pixels and channels.
 *
 * @param epsilon         Charbonnier ε, in display units
 * @param temporalWeight  weight of the temporal term (0 turns it off)
 * @param edgeWeight      weight of the edge term (0 turns it off)
 * @param featureWeight   weight of the feature term (0 turns it off)
 * @param pixelsPerDegree the viewing condition of the feature term (ignored when it is off)
 */
public record DisplayLoss(float epsilon, float temporalWeight, float edgeWeight, float featureWeight,
        double pixelsPerDegree) {
    public DisplayLoss {
        if (!(epsilon > 0) || !(temporalWeight >= 0) || !(edgeWeight >= 0) || !(featureWeight >= 0)
                || featureWeight > 0 && !(pixelsPerDegree > 0 && pixelsPerDegree < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bad loss settings: epsilon " + epsilon + ", temporal weight "
                    + temporalWeight + ", edge weight " + edgeWeight + ", feature weight " + featureWeight
                    + " at " + pixelsPerDegree + " px/deg");
        }
    }

    /** Without the feature term. */
    public DisplayLoss(float epsilon, float temporalWeight, float edgeWeight) {
        this(epsilon, temporalWeight, edgeWeight, 0f, 0.0);
    }

    /** Without the edge and feature terms. */
    public DisplayLoss(float epsilon, float temporalWeight) {
        this(epsilon, temporalWeight, 0f);
    }

    /** The sRGB transfer function (IEC 61966-2-1) of a value in [0, 1]. */
    public static float encode(float v) {
        return v <= 0.0031308f ? 12.92f * v : (float) (1.055 * Math.pow(v, 1.0 / 2.4) - 0.055);
    }

    /** d encode / dv. */
    static float encodeSlope(float v, float encoded) {
        return v <= 0.0031308f ? 12.92f : (encoded + 0.055f) / (2.4f * v);
    }

    /** Display-referred planes of tone-mapped planes (the target is computed once per frame with this). */
    public static Planes display(Planes toneMapped) {
        Planes out = Planes.zeros(toneMapped.channels(), toneMapped.width(), toneMapped.height());
        float[] src = toneMapped.data();
        for (int i = 0; i < src.length; i++) {
            out.data()[i] = encode(src[i]);
        }
        return out;
    }

    /**
     * Evaluates the loss and writes dL/dy.
     *
     * @param y             the output, tone-mapped (3 planes)
     * @param target        D(ref): the display-referred reference (3 planes)
     * @param previousShown D(y_{t−1}), or null when there is no previous frame (or after a reset): no temporal term
     * @param previousTarget D(ref_{t−1}), null exactly when {@code previousShown} is
     * @param shown         receives D(y), the next frame's {@code previousShown}
     * @param gradY         receives dL/dy (overwritten)
     * @return the loss
     */
    public double evaluate(Planes y, Planes target, Planes previousShown, Planes previousTarget, Planes shown,
            Planes gradY) {
        if (!y.sameShape(target) || !y.sameShape(shown) || !y.sameShape(gradY)) {
            throw new IllegalArgumentException("loss planes differ in shape");
        }
        boolean temporal = temporalWeight > 0 && previousShown != null;
        float[] yd = y.data();
        float[] t = target.data();
        float[] s = shown.data();
        float[] g = gradY.data();
        float scale = 1f / yd.length;
        double spatialSum = 0;
        double temporalSum = 0;
        float eps2 = epsilon * epsilon;
        // First dL/dD(y) per value (g), then through the sRGB curve.
        for (int i = 0; i < yd.length; i++) {
            float d = encode(yd[i]);
            s[i] = d;
            float e = d - t[i];
            float c = (float) Math.sqrt(e * e + eps2);
            spatialSum += c;
            float grad = e / c;
            if (temporal) {
                float et = (d - previousShown.data()[i]) - (t[i] - previousTarget.data()[i]);
                float ct = (float) Math.sqrt(et * et + eps2);
                temporalSum += ct;
                grad += temporalWeight * et / ct;
            }
            g[i] = grad;
        }
        double edgeSum = edgeWeight > 0 ? edges(y, s, t, g, 1) + edges(y, s, t, g, y.width()) : 0;
        for (int i = 0; i < yd.length; i++) {
            g[i] *= scale * encodeSlope(yd[i], s[i]);
        }
        // The feature term works on y itself (linear display light), so its gradient joins after the sRGB slope.
        double featureSum = featureWeight > 0
                ? new FeatureTerm(pixelsPerDegree).accumulate(y, target, epsilon, g, scale * featureWeight) : 0;
        return (spatialSum + temporalWeight * temporalSum + edgeWeight * edgeSum + featureWeight * featureSum)
                / yd.length;
    }

    /**
     * The edge term towards the neighbour {@code step} values on (1: right, width: below), inside each plane; adds its
     * weighted gradient with respect to D(y) to {@code g} and returns its unweighted sum.
     */
    private double edges(Planes y, float[] shown, float[] target, float[] g, int step) {
        int w = y.width();
        int h = y.height();
        int pixels = y.planeSize();
        float eps2 = epsilon * epsilon;
        double sum = 0;
        for (int c = 0; c < y.channels(); c++) {
            for (int row = 0; row < h - (step == 1 ? 0 : 1); row++) {
                for (int x = 0; x < w - (step == 1 ? 1 : 0); x++) {
                    int i = c * pixels + row * w + x;
                    float e = (shown[i + step] - shown[i]) - (target[i + step] - target[i]);
                    float ce = (float) Math.sqrt(e * e + eps2);
                    sum += ce;
                    float grad = edgeWeight * e / ce;
                    g[i + step] += grad;
                    g[i] -= grad;
                }
            }
        }
        return sum;
    }
}
