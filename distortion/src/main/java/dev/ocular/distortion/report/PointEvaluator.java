package dev.ocular.distortion.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ocular.distortion.Channel;
import dev.ocular.distortion.EyeProfile;
import java.util.ArrayList;
import java.util.List;
import org.joml.Vector2d;

/**
 * The logic of {@code ocular lens eval}: maps points through one eye's lens, per channel, forward (panel pixels →
 * render tangents) or inverse (render tangents → panel pixels). Panel points are eye-local pixels (origin at the
 * viewport's top-left corner, y down, pixel centres at +0.5); render points are tangents (x right, y up).
 *
 * <p>Immutable; safe to share between threads.
 */
public final class PointEvaluator {

    /** Which way to map. */
    public enum Direction {
        /** Input panel pixels, output render tangents. */
        PANEL_TO_RENDER,
        /** Input render tangents, output panel pixels (the exact inverse). */
        RENDER_TO_PANEL
    }

    /** One input point and the CSV line it came from. */
    public record InputPoint(int line, double x, double y) {
    }

    /** A channel's mapped point; {@code solved} is false (and x, y NaN) where the inverse has no solution. */
    @JsonPropertyOrder({"x", "y", "solved"})
    public record ChannelPoint(
            @JsonProperty("x") double x,
            @JsonProperty("y") double y,
            @JsonProperty("solved") boolean solved) {
    }

    /**
     * One output row.
     *
     * @param visible whether the panel point (the input for forward mapping, green's result for inverse mapping) is in
     *     the eye's visible area
     */
    @JsonPropertyOrder({"line", "x", "y", "red", "green", "blue", "visible"})
    public record PointResult(
            @JsonProperty("line") int line,
            @JsonProperty("x") double x,
            @JsonProperty("y") double y,
            @JsonProperty("red") ChannelPoint red,
            @JsonProperty("green") ChannelPoint green,
            @JsonProperty("blue") ChannelPoint blue,
            @JsonProperty("visible") boolean visible) {

        public ChannelPoint channel(Channel channel) {
            return switch (channel) {
                case RED -> red;
                case GREEN -> green;
                case BLUE -> blue;
            };
        }
    }

    private final EyeProfile eye;

    public PointEvaluator(EyeProfile eye) {
        this.eye = eye;
    }

    public List<PointResult> evaluate(List<InputPoint> points, Direction direction) {
        List<PointResult> results = new ArrayList<>(points.size());
        Vector2d out = new Vector2d();
        Vector2d scratch = new Vector2d();
        for (InputPoint point : points) {
            ChannelPoint[] mapped = new ChannelPoint[3];
            for (Channel channel : Channel.values()) {
                boolean solved = true;
                if (direction == Direction.PANEL_TO_RENDER) {
                    eye.model().panelToRender(channel, point.x(), point.y(), out);
                } else {
                    solved = eye.model().renderToPanel(channel, point.x(), point.y(), out);
                }
                mapped[channel.ordinal()] = new ChannelPoint(out.x, out.y, solved);
            }
            boolean visible = direction == Direction.PANEL_TO_RENDER
                    ? eye.visibleAt(point.x(), point.y(), scratch)
                    : mapped[1].solved() && eye.visibleAt(mapped[1].x(), mapped[1].y(), scratch);
            results.add(new PointResult(point.line(), point.x(), point.y(), mapped[0], mapped[1], mapped[2], visible));
        }
        return List.copyOf(results);
    }
}
