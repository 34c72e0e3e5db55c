package dev.ocular.scenes;

import dev.ocular.scenes.builtin.ConcourseScene;
import dev.ocular.scenes.builtin.CorridorScene;
import dev.ocular.scenes.builtin.DistantSkylineScene;
import dev.ocular.scenes.builtin.FastMotionScene;
import dev.ocular.scenes.builtin.HdrSpecularsScene;
import dev.ocular.scenes.builtin.MoireScene;
import dev.ocular.scenes.builtin.ParticlesScene;
import dev.ocular.scenes.builtin.TextPanelsScene;
import dev.ocular.scenes.builtin.ThinWiresScene;
import dev.ocular.scenes.builtin.WarehouseScene;
import dev.ocular.scenes.io.GltfSceneLoader;
import dev.ocular.scenes.patterns.TestPattern;
import dev.ocular.scenes.scene.Scene;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@code ocular scenes} can render: the built-in scenes (each aimed at one upscaler failure), the headset
 * test patterns, and any glTF 2.0 file (.gltf/.glb) given by path. Immutable; cheap to create.
 */
public final class SceneCatalog {
    /** Kinds of catalog entry. */
    public enum Kind {
        SCENE, PATTERN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One listed entry, as {@code scenes list --json} prints it. */
    public record Entry(String name, Kind kind, String failureMode, String description) {
    }

    private final List<SceneDefinition> scenes;

    private SceneCatalog(List<SceneDefinition> scenes) {
        this.scenes = List.copyOf(scenes);
    }

    public static SceneCatalog builtIn() {
        return new SceneCatalog(List.of(new ThinWiresScene(), new MoireScene(), new TextPanelsScene(),
                new HdrSpecularsScene(), new FastMotionScene(), new ParticlesScene(), new CorridorScene(),
                new DistantSkylineScene(), new WarehouseScene(), new ConcourseScene()));
    }

    public List<SceneDefinition> scenes() {
        return scenes;
    }

    /** Scenes then patterns, in a stable order. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (SceneDefinition s : scenes) {
            entries.add(new Entry(s.name(), Kind.SCENE, s.failureMode(), s.description()));
        }
        for (TestPattern p : TestPattern.values()) {
            entries.add(new Entry(p.id(), Kind.PATTERN, p.purpose(), p.description()));
        }
        return entries;
    }

    /** True when {@code name} is a path to a glTF file rather than a catalog name. */
    public static boolean isGltfPath(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".gltf") || lower.endsWith(".glb");
    }

    /** The built-in scene called {@code name}. */
    public SceneDefinition scene(String name) {
        for (SceneDefinition s : scenes) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new SceneInputException("unknown scene '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    /** Builds a built-in scene by name, or loads a glTF file when {@code nameOrPath} ends in .gltf/.glb. */
    public Scene build(String nameOrPath, long seed) {
        if (isGltfPath(nameOrPath)) {
            return GltfSceneLoader.load(Path.of(nameOrPath));
        }
        return scene(nameOrPath).build(seed);
    }

    /** Whether {@code name} is a test pattern id. */
    public boolean isPattern(String name) {
        for (TestPattern p : TestPattern.values()) {
            if (p.id().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        scenes.forEach(s -> names.add(s.name()));
        for (TestPattern p : TestPattern.values()) {
            names.add(p.id());
        }
        return names;
    }
}
