package dev.ocular.compositor.cli;

import dev.ocular.distortion.Eye;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.report.PointEvaluator;
import dev.ocular.distortion.report.PointEvaluator.Direction;
import dev.ocular.distortion.report.PointEvaluator.PointResult;
import dev.ocular.distortion.report.PointsCsv;
import dev.ocular.distortion.report.ReportWriter;
import dev.ocular.gpu.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocular lens eval}: maps the points of a CSV file through one eye's lens, per channel, and prints one row per
 * input point (CSV with the header of {@link PointsCsv#OUTPUT_HEADER}, or JSON).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Map points through one eye's lens, per colour channel: panel pixels -> render tangents, or "
                + "back with --inverse.")
final class LensEvalCommand implements Callable<Integer> {
    @Option(names = "--profile", required = true, paramLabel = "P",
            description = "Built-in profile name (see ocular lens list) or a profile JSON file.")
    String profile;

    @Option(names = "--eye", required = true, paramLabel = "left|right", description = "Which eye's lens.")
    String eye;

    @Option(names = "--points", required = true, paramLabel = "FILE.csv",
            description = "Points, one x,y per line (optional x,y header, # comments): eye-local panel pixels, or "
                    + "render tangents (x right, y up) with --inverse.")
    Path points;

    @Option(names = "--inverse", description = "Map render tangents to panel pixels (the exact inverse).")
    boolean inverse;

    @Option(names = "--json", description = "Print JSON instead of CSV.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Eye which = parseEye(eye);
        LensProfile lens = LensCommand.resolveProfile(profile);
        List<PointResult> results = new PointEvaluator(lens.eye(which)).evaluate(PointsCsv.read(points),
                inverse ? Direction.RENDER_TO_PANEL : Direction.PANEL_TO_RENDER);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(new ReportWriter().toJson(results));
            out.flush();
        } else {
            PointsCsv.write(results, out);
        }
        return 0;
    }

    private static Eye parseEye(String text) {
        try {
            return Eye.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--eye: " + e.getMessage());
        }
    }
}
