package dev.ocular.distortion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.EyeProfile;
import dev.ocular.distortion.Fov;
import dev.ocular.distortion.LensInputException;
import dev.ocular.distortion.model.PolynomialRadial;
import dev.ocular.distortion.model.RadialChannel;
import dev.ocular.distortion.model.RadialFunction;
import dev.ocular.distortion.model.RadialLensModel;
import dev.ocular.distortion.profile.LensProfiles;
import dev.ocular.distortion.report.PointEvaluator.Direction;
import dev.ocular.distortion.report.PointEvaluator.InputPoint;
import dev.ocular.distortion.report.PointEvaluator.PointResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joml.Vector2d;
import org.junit.jupiter.api.Test;

class PointEvaluatorTest {
    private final EyeProfile eye = new LensProfiles().builtin("rift-dk1").eye(Eye.RIGHT);

    @Test
    void readsPointsWithOptionalHeaderAndComments() {
        List<InputPoint> points = PointsCsv.read("pts", new StringReader("# panel points\nx,y\n\n10,20\n 30.5 , 40\n"));
        assertEquals(List.of(new InputPoint(4, 10, 20), new InputPoint(5, 30.5, 40)), points);
        assertEquals(1, PointsCsv.read("pts", new StringReader("1,2")).size());
    }

    @Test
    void badRowsNameTheirLine() {
        LensInputException e = assertThrows(LensInputException.class,
                () -> PointsCsv.read("pts.csv", new StringReader("x,y\n1,2\n3\n")));
        assertEquals("pts.csv: line 3: expected two values x,y, found 1", e.getMessage());
        e = assertThrows(LensInputException.class,
                () -> PointsCsv.read("pts.csv", new StringReader("1,2\n3,abc\n")));
        assertEquals("pts.csv: line 2, column 2: 'abc' is not a number", e.getMessage());
        e = assertThrows(LensInputException.class,
                () -> PointsCsv.read("pts.csv", new StringReader("NaN,2\n")));
        assertEquals("line 1, column 1", e.location());
    }

    @Test
    void forwardThenInverseThroughCsvGivesThePointsBack() throws IOException {
        List<InputPoint> panel = List.of(new InputPoint(1, 100.5, 200.5), new InputPoint(2, 320, 400),
                new InputPoint(3, 500.25, 777.75));
        PointEvaluator evaluator = new PointEvaluator(eye);
        List<PointResult> forward = evaluator.evaluate(panel, Direction.PANEL_TO_RENDER);
        StringWriter csv = new StringWriter();
        PointsCsv.write(forward, csv);
        String[] lines = csv.toString().split("\n");
        assertEquals(PointsCsv.OUTPUT_HEADER, lines[0]);
        assertEquals(4, lines.length);
        // Feed each channel's render point back through the inverse.
        for (Channel channel : Channel.values()) {
            List<InputPoint> render = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",");
                int column = 3 + 2 * channel.ordinal();
                render.add(new InputPoint(i, Double.parseDouble(cells[column]), Double.parseDouble(cells[column + 1])));
            }
            List<PointResult> back = evaluator.evaluate(render, Direction.RENDER_TO_PANEL);
            for (int i = 0; i < panel.size(); i++) {
                PointEvaluator.ChannelPoint p = back.get(i).channel(channel);
                assertTrue(p.solved());
                assertEquals(panel.get(i).x(), p.x(), 1e-9);
                assertEquals(panel.get(i).y(), p.y(), 1e-9);
            }
        }
    }

    @Test
    void forwardValuesAreTheModels() {
        PointResult result = new PointEvaluator(eye)
                .evaluate(List.of(new InputPoint(1, 271.3, 400.0)), Direction.PANEL_TO_RENDER).get(0);
        Vector2d expected = eye.model().panelToRender(Channel.BLUE, 271.3, 400.0, new Vector2d());
        assertEquals(expected.x, result.blue().x(), 0.0);
        assertEquals(expected.y, result.blue().y(), 0.0);
        assertTrue(result.visible());
    }

    @Test
    void farDirectionsMapOutsideTheVisibleArea() {
        // 89° off axis: the DK1 polynomial is one to one that far, but the panel point lies far off the viewport.
        PointResult result = new PointEvaluator(eye)
                .evaluate(List.of(new InputPoint(1, 57.0, 0.0)), Direction.RENDER_TO_PANEL).get(0);
        assertTrue(result.green().solved());
        assertTrue(result.green().x() > 640);
        assertFalse(result.visible());
    }

    @Test
    void unreachableDirectionsLeaveEmptyCells() throws IOException {
        // g = r (1 - r²/3) never exceeds 2/3: a render direction of 0.9 has no panel point.
        RadialFunction folding = new PolynomialRadial(1.0, new double[] {1.0, 0.0, -1.0 / 3.0});
        RadialChannel ch = RadialChannel.centred(100, 100, 100, 100, folding, 1.0, 1.0);
        EyeProfile folded = new EyeProfile(Eye.LEFT, 0, 200, 200, new Fov(-30, 30, 30, -30), Optional.empty(),
                new RadialLensModel("panotools", ch, ch, ch, Double.POSITIVE_INFINITY, 200, 200));
        List<PointResult> results = new PointEvaluator(folded)
                .evaluate(List.of(new InputPoint(1, 0.9, 0.0)), Direction.RENDER_TO_PANEL);
        assertFalse(results.get(0).green().solved());
        assertFalse(results.get(0).visible());
        StringWriter csv = new StringWriter();
        PointsCsv.write(results, csv);
        assertEquals("1,0.9,0.0,,,,,,,false", csv.toString().split("\n")[1]);
    }
}
