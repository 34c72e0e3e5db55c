package dev.ocular.distortion.report;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.LensModel;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.PanelVisibility;
import dev.ocular.distortion.cpu.CpuDistortionPass;
import dev.ocular.distortion.cpu.GridImage;
import dev.ocular.distortion.cpu.RgbaImage;
import dev.ocular.distortion.mesh.ChannelError;
import dev.ocular.distortion.mesh.DistortionMesh;
import dev.ocular.distortion.mesh.MeshBudget;
import dev.ocular.distortion.mesh.MeshBuilder;
import dev.ocular.distortion.mesh.MeshError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.joml.Vector2d;

/**
 * Computes a {@link LensReport} for a profile: builds each eye's mesh to the budget, measures it, and measures the
 * exact inverse by round trips at every visible pixel centre. Also renders the straight-line grid chart through the
 * lens.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class LensReporter {
    /** ocular's round-trip target, panel pixels. */
    public static final double ROUND_TRIP_BUDGET_PX = 0.01;
    private static final int GRID_CELLS = 16;
    private static final double GRID_LINE_PX = 2.0;

    private final MeshBudget budget;

    public LensReporter(MeshBudget budget) {
        this.budget = budget;
    }

    /** The report plus the meshes it measured, for callers that go on to use them. */
    public record Outcome(LensReport report, Map<Eye, DistortionMesh> meshes) {
    }

    public LensReport report(LensProfile profile) {
        return run(profile).report();
    }

    public Outcome run(LensProfile profile) {
        // The eyes are independent; measuring them side by side halves the wall time on a two-core machine.
        List<EyeOutcome> outcomes = Arrays.stream(Eye.values()).parallel()
                .map(eye -> measure(profile, eye))
                .toList();
        Map<Eye, DistortionMesh> meshes = new EnumMap<>(Eye.class);
        boolean within = true;
        for (EyeOutcome outcome : outcomes) {
            meshes.put(outcome.eye, outcome.mesh);
            within &= outcome.within;
        }
        LensReport report = new LensReport(profile.name(), profile.displayName(), profile.origin(), profile.source(),
                profile.panelWidthPx(), profile.panelHeightPx(),
                new LensReport.Budget(ROUND_TRIP_BUDGET_PX, budget.maxPx(), budget.meanPx()), within,
                outcomes.stream().map(outcome -> outcome.report).toList());
        return new Outcome(report, meshes);
    }

    private record EyeOutcome(Eye eye, LensReport.EyeReport report, DistortionMesh mesh, boolean within) {
    }

    private EyeOutcome measure(LensProfile profile, Eye eye) {
        EyeProfile ep = profile.eye(eye);
        PanelVisibility visible = profile.visibility(eye);
        MeshBuilder.Result mesh = new MeshBuilder(budget).build(ep, visible);
        List<LensReport.ChannelReport> channels = new ArrayList<>();
        boolean within = true;
        for (Channel channel : Channel.values()) {
            LensReport.ChannelReport report = channelReport(ep, visible, channel, mesh.error());
            within &= report.roundTripMaxPx() < ROUND_TRIP_BUDGET_PX
                    && report.meshMaxPx() < budget.maxPx() && report.meshMeanPx() < budget.meanPx()
                    && report.meshTrianglesMaxPx() < budget.maxPx()
                    && report.meshTrianglesMeanPx() < budget.meanPx();
            channels.add(report);
        }
        Fov fov = ep.fov();
        LensReport.EyeReport report = new LensReport.EyeReport(eye.jsonName(), ep.model().modelName(), ep.widthPx(),
                ep.heightPx(), new LensReport.FovDeg(fov.leftDeg(), fov.rightDeg(), fov.upDeg(), fov.downDeg()),
                fov.horizontalDeg(), fov.verticalDeg(), visible.visibleFraction(), visible.visibleCount(),
                mesh.mesh().cellsX(), mesh.mesh().cellsY(), mesh.mesh().vertexCount(), mesh.attempts(),
                List.copyOf(channels));
        return new EyeOutcome(eye, report, mesh.mesh(), within);
    }

    private static LensReport.ChannelReport channelReport(EyeProfile eye, PanelVisibility visible, Channel channel,
                                                          MeshError meshError) {
        RoundTrip roundTrip = roundTrip(eye.model(), visible, channel);
        ChannelError bilinear = meshError.bilinear(channel);
        ChannelError triangles = meshError.triangles(channel);
        return new LensReport.ChannelReport(channel.jsonName(), roundTrip.maxPx, roundTrip.renderMaxTan,
                roundTrip.failures, bilinear.maxPx(), bilinear.meanPx(), triangles.maxPx(), triangles.meanPx());
    }

    private record RoundTrip(double maxPx, double renderMaxTan, long failures) {
    }

    private static RoundTrip roundTrip(LensModel model, PanelVisibility visible, Channel channel) {
        Vector2d render = new Vector2d();
        Vector2d back = new Vector2d();
        Vector2d again = new Vector2d();
        double maxPx = 0.0;
        double maxTan = 0.0;
        long failures = 0;
        for (int y = 0; y < visible.height(); y++) {
            for (int x = 0; x < visible.width(); x++) {
                if (!visible.isVisible(x, y)) {
                    continue;
                }
                double px = x + 0.5;
                double py = y + 0.5;
                model.panelToRender(channel, px, py, render);
                if (!model.renderToPanel(channel, render.x, render.y, back)) {
                    failures++;
                    maxPx = Double.POSITIVE_INFINITY;
                    continue;
                }
                maxPx = Math.max(maxPx, Vector2d.length(back.x - px, back.y - py));
                model.panelToRender(channel, back.x, back.y, again);
                maxTan = Math.max(maxTan, Vector2d.length(again.x - render.x, again.y - render.y));
            }
        }
        return new RoundTrip(maxPx, maxTan, failures);
    }

    /**
     * The panel image of a straight-line grid chart seen through the lens: a {@link GridImage} the size of each eye's
     * viewport, distorted per pixel by {@link CpuDistortionPass} for both eyes.
     */
    public static RgbaImage gridThroughLens(LensProfile profile) {
        EyeProfile left = profile.eye(Eye.LEFT);
        EyeProfile right = profile.eye(Eye.RIGHT);
        RgbaImage leftChart = GridImage.create(left.widthPx(), left.heightPx(), GRID_CELLS, GRID_LINE_PX);
        RgbaImage rightChart = GridImage.create(right.widthPx(), right.heightPx(), GRID_CELLS, GRID_LINE_PX);
        return new CpuDistortionPass(profile).perPixel(leftChart, rightChart);
    }
}
