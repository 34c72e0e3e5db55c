package dev.ocular.compositor.eval;

import dev.ocular.compositor.eval.EvalReport.EyeMetrics;
import java.util.Locale;
import java.util.Map;

/** The text form of an {@link EvalReport}: one table per scene and one of the means, then vrnet's margins. */
public final class EvalTable {
    private EvalTable() {
    }

    public static String format(EvalReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.how()).append('\n').append("vr-net weights: ").append(r.weights()).append(" (path ")
                .append(r.netPath()).append(")\n");
        for (EvalReport.SceneResult s : r.scenes()) {
            sb.append(String.format(Locale.ROOT, "%n%s — %s, seed %d%n", s.scene(), s.motion(), s.seed()));
            table(sb, s.methods());
        }
        if (r.scenes().size() > 1) {
            sb.append(String.format(Locale.ROOT, "%nmean over %d scenes%n", r.scenes().size()));
            table(sb, r.mean());
        }
        margins(sb, r.mean());
        return sb.toString();
    }

    private static void table(StringBuilder sb, Map<String, Map<String, EyeMetrics>> methods) {
        sb.append(String.format(Locale.ROOT, "  %-9s %-5s %7s %7s %7s %7s %7s %7s %8s%n", "method", "eye", "PSNR",
                "centre", "periph", "PSNR-Y", "SSIM", "FLIP", "flicker"));
        methods.forEach((method, eyes) -> eyes.forEach((eye, m) -> sb.append(String.format(Locale.ROOT,
                "  %-9s %-5s %7.2f %7.2f %7.2f %7.2f %7.4f %7.4f %8.5f%n", method, eye, m.psnr(), m.centre().psnr(),
                m.periphery().psnr(), m.psnrY(), m.ssim(), m.flip(), m.flicker()))));
    }

    /** vrnet against bicubic and TAAU per eye, the comparisons issue 6 asks for. */
    private static void margins(StringBuilder sb, Map<String, Map<String, EyeMetrics>> mean) {
        Map<String, EyeMetrics> vrnet = mean.get("vrnet");
        if (vrnet == null) {
            return;
        }
        sb.append('\n');
        vrnet.forEach((eye, v) -> {
            sb.append(String.format(Locale.ROOT, "vrnet, %s eye:", eye));
            EyeMetrics bicubic = mean.containsKey("bicubic") ? mean.get("bicubic").get(eye) : null;
            EyeMetrics taau = mean.containsKey("taau") ? mean.get("taau").get(eye) : null;
            if (bicubic != null) {
                sb.append(String.format(Locale.ROOT, " PSNR %+.2f dB vs bicubic;", v.psnr() - bicubic.psnr()));
            }
            if (taau != null) {
                sb.append(String.format(Locale.ROOT, " PSNR %+.2f dB, FLIP %+.4f, flicker %+.5f vs taau",
                        v.psnr() - taau.psnr(), v.flip() - taau.flip(), v.flicker() - taau.flicker()));
            }
            sb.append('\n');
        });
    }
}
