package dev.ocular.scenes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ocular.scenes.patterns.TestPattern;
import dev.ocular.scenes.render.RenderSettings;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.EyePose;
import dev.ocular.scenes.rig.FovAngles;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.scene.Scene;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON written next to a render: what was rendered, with which camera, jitter and conventions, and which file
 * holds what. Contains nothing that varies between runs (no timings, no dates), so files stay byte-identical.
 */
final class JobMetadata {
    private static final String CONVENTIONS = "docs/conventions.md: linear HDR colour; reverse-Z depth (1 near, 0 at "
            + "infinity); motion in pixels current->previous without jitter; pixel (x,y) sampled at "
            + "(x+0.5+jitterX, y+0.5+jitterY); eye index 0 = left";

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> eyes = new LinkedHashMap<>();

    private JobMetadata() {
    }

    static JobMetadata forPattern(RenderRequest request, TestPattern pattern) {
        JobMetadata m = new JobMetadata();
        m.root.put("scene", pattern.id());
        m.root.put("kind", SceneCatalog.Kind.PATTERN.id());
        m.root.put("purpose", pattern.purpose());
        m.root.put("frame", request.frame());
        m.root.put("size", List.of(request.width(), request.height()));
        m.root.put("eyes", m.eyes);
        return m;
    }

    static JobMetadata forScene(RenderRequest request, Scene scene, SceneCatalog catalog, StereoFrame frame,
            RenderSettings settings, HeadPath path) {
        JobMetadata m = new JobMetadata();
        m.root.put("scene", request.scene());
        m.root.put("kind", SceneCatalog.Kind.SCENE.id());
        m.root.put("failureMode", SceneCatalog.isGltfPath(request.scene()) ? "user content (glTF)"
                : catalog.scene(request.scene()).failureMode());
        m.root.put("frame", frame.index());
        m.root.put("time", frame.time());
        m.root.put("cut", frame.cut());
        m.root.put("motion", path.motion().id());
        m.root.put("seed", request.seed());
        m.root.put("fps", request.fps());
        m.root.put("displaySize", List.of(request.width(), request.height()));
        m.root.put("renderSize", List.of(request.renderWidth(), request.renderHeight()));
        m.root.put("scale", request.scale());
        m.root.put("lodBias", settings.lodBias());
        m.root.put("jitterPhases", settings.jitterSequence().phases());
        m.root.put("reference", request.reference());
        m.root.put("objects", scene.objects().size());
        m.root.put("conventions", CONVENTIONS);
        for (Eye eye : Eye.values()) {
            if (request.eyes().contains(eye)) {
                m.pose(eye, frame.current().eye(eye));
            }
        }
        m.root.put("eyes", m.eyes);
        return m;
    }

    private Map<String, Object> eye(Eye eye) {
        return eyes.computeIfAbsent(eye.id(), k -> new LinkedHashMap<>());
    }

    private void pose(Eye eye, EyePose pose) {
        Map<String, Object> e = eye(eye);
        FovAngles f = pose.fov();
        e.put("fov", Map.of("angleLeft", f.angleLeft(), "angleRight", f.angleRight(), "angleUp", f.angleUp(),
                "angleDown", f.angleDown()));
        e.put("position", List.of(pose.position().x(), pose.position().y(), pose.position().z()));
        e.put("orientation", List.of(pose.orientation().x(), pose.orientation().y(), pose.orientation().z(),
                pose.orientation().w()));
    }

    void jitter(Eye eye, float x, float y) {
        eye(eye).put("jitter", List.of(x, y));
    }

    @SuppressWarnings("unchecked")
    void file(Eye eye, String role, String name) {
        ((Map<String, Object>) eye(eye).computeIfAbsent("files", k -> new LinkedHashMap<String, Object>()))
                .put(role, name);
    }

    void write(Path file) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
