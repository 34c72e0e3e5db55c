package dev.ocular.compositor.cli;

import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.distortion.profile.ProfileSummary;
import dev.ocular.distortion.report.ReportWriter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ocular lens list}: the built-in profiles, one line each (or a JSON array of {@link ProfileSummary}). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in lens profiles.")
final class LensListCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ProfileSummary> summaries = new LensProfiles().builtins().stream().map(ProfileSummary::of).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(new ReportWriter().toJson(summaries));
        } else {
            out.print(text(summaries));
        }
        out.flush();
        return 0;
    }

    static String text(List<ProfileSummary> summaries) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-20s %-20s %-11s %-13s %s%n", "NAME",
                "MODEL", "PANEL", "FOV h×v (°)", "DISPLAY NAME"));
        for (ProfileSummary s : summaries) {
            text.append(String.format(Locale.ROOT, "%-20s %-20s %-11s %-13s %s%n", s.name(), s.lensModel(),
                    s.panelWidthPx() + "×" + s.panelHeightPx(),
                    String.format(Locale.ROOT, "%.1f×%.1f", s.fovHorizontalDeg(), s.fovVerticalDeg()),
                    s.displayName()));
        }
        return text.toString();
    }
}
