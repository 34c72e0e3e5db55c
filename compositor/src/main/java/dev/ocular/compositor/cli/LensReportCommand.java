package dev.ocular.compositor.cli;

import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.mesh.MeshBudget;
import dev.ocular.distortion.mesh.MeshBudgetException;
import dev.ocular.distortion.report.LensReport;
import dev.ocular.distortion.report.LensReporter;
import dev.ocular.distortion.report.ReportWriter;
import dev.ocular.gpu.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocular lens report}: a profile's accuracy — per eye the mesh the builder chose and the visible area, per
 * channel the exact inverse's round-trip error and the mesh's error against per-pixel evaluation, in panel pixels.
 * With {@code --out} also writes {@code NAME-report.json} and {@code NAME-grid.png} (a straight-line grid through the
 * lens). Exit 0 whether or not the profile meets the budget ({@code within_budget} says; a line on stderr warns), 1
 * when no mesh density meets it at all.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report a lens profile's accuracy: mesh size, round-trip error, mesh error per channel, FOV, "
                + "visible fraction.")
final class LensReportCommand implements Callable<Integer> {
    @Option(names = "--profile", required = true, paramLabel = "P",
            description = "Built-in profile name (see ocular lens list) or a profile JSON file.")
    String profile;

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write NAME-report.json and NAME-grid.png into DIR (created if missing).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LensProfile lens = LensCommand.resolveProfile(profile);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        LensReport report;
        try {
            report = new LensReporter(MeshBudget.DEFAULT).report(lens);
        } catch (MeshBudgetException e) {
            stderr.println("ocular: " + lens.origin() + ": " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        ReportWriter writer = new ReportWriter();
        stdout.print(json ? writer.toJson(report) : text(report));
        stdout.flush();
        if (out != null) {
            // Keep stdout pure JSON when JSON was asked for.
            PrintWriter notes = json ? stderr : stdout;
            for (Path written : writer.write(lens, report, outputDirectory(out))) {
                notes.println("wrote " + written);
            }
            notes.flush();
        }
        if (!report.withinBudget()) {
            stderr.println("ocular: " + lens.name() + " misses the accuracy budget (see within_budget)");
        }
        return 0;
    }

    private static Path outputDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("--out " + dir + ": exists and is not a directory");
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + ": cannot create the directory (" + e.getMessage() + ")");
        }
    }

    static String text(LensReport report) {
        StringBuilder text = new StringBuilder();
        LensReport.Budget budget = report.budget();
        text.append(String.format(Locale.ROOT, "%s (%s), panel %d×%d, from %s%n", report.profile(),
                report.displayName(), report.panelWidthPx(), report.panelHeightPx(), report.origin()));
        text.append(String.format(Locale.ROOT, "budget: round trip < %s px, mesh max < %s px, mesh mean < %s px: %s%n",
                budget.roundTripMaxPx(), budget.meshMaxPx(), budget.meshMeanPx(),
                report.withinBudget() ? "met" : "MISSED"));
        for (LensReport.EyeReport eye : report.eyes()) {
            text.append(String.format(Locale.ROOT, "%n%s eye: %s, viewport %d×%d, mesh %d×%d cells (%d vertices), "
                            + "FOV %.1f×%.1f°, visible fraction %.3f%n", eye.eye(), eye.lensModel(),
                    eye.viewportWidthPx(), eye.viewportHeightPx(), eye.meshCellsX(), eye.meshCellsY(),
                    eye.meshVertices(), eye.fovHorizontalDeg(), eye.fovVerticalDeg(), eye.visibleFraction()));
            text.append(String.format(Locale.ROOT, "  %-7s %16s %14s %15s %15s %15s%n", "channel", "round-trip max",
                    "mesh max", "mesh mean", "triangles max", "triangles mean"));
            for (LensReport.ChannelReport ch : eye.channels()) {
                text.append(String.format(Locale.ROOT, "  %-7s %13.1e px %11.4f px %12.4f px %12.4f px %12.4f px%n",
                        ch.channel(), ch.roundTripMaxPx(), ch.meshMaxPx(), ch.meshMeanPx(), ch.meshTrianglesMaxPx(),
                        ch.meshTrianglesMeanPx()));
            }
        }
        return text.toString();
    }

    /** The files {@code --out} writes for a profile, for tests and messages. */
    static List<String> outputNames(String profileName) {
        return List.of(profileName + "-report.json", profileName + "-grid.png");
    }
}
