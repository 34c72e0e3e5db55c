package dev.ocular.scenes.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocular.gpu.shader.ShaderCompiler;
import dev.ocular.gpu.shader.ShaderSource;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.SceneInputException;
import dev.ocular.scenes.render.SceneShaders;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.joml.Matrix4f;
import org.junit.jupiter.api.Test;

/** Catalog, scene construction and shader compilation: host-only checks. */
class SceneDefinitionsTest {
    @Test
    void catalogListsAtLeastEightDistinctScenesEachWithAFailureMode() throws Exception {
        SceneCatalog catalog = SceneCatalog.builtIn();
        assertTrue(catalog.scenes().size() >= 8);
        Set<String> names = new HashSet<>();
        for (SceneCatalog.Entry e : catalog.list()) {
            assertTrue(names.add(e.name()), "duplicate name " + e.name());
            assertFalse(e.failureMode().isBlank(), e.name());
            assertFalse(e.description().isBlank(), e.name());
        }
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(catalog.list()));
        assertEquals(catalog.list().size(), json.size());
        assertEquals("thin-wires", json.get(0).get("name").asText());
        assertEquals("SCENE", json.get(0).get("kind").asText());
        assertTrue(json.get(0).get("failureMode").asText().contains("aliasing"));
    }

    @Test
    void unknownSceneNamesTheInputAndTheChoices() {
        SceneInputException e = assertThrows(SceneInputException.class,
                () -> SceneCatalog.builtIn().build("no-such-scene", 0));
        assertTrue(e.getMessage().contains("'no-such-scene'") && e.getMessage().contains("corridor"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void scenesBuildDeterministicallyWithAnimatedObjects() {
        for (SceneDefinition d : SceneCatalog.builtIn().scenes()) {
            Scene a = d.build(7);
            Scene b = d.build(7);
            assertEquals(a.meshes().size(), b.meshes().size(), d.name());
            for (int i = 0; i < a.meshes().size(); i++) {
                assertArrayEquals(a.meshes().get(i).vertices(), b.meshes().get(i).vertices(), d.name());
            }
            for (int i = 0; i < a.textures().size(); i++) {
                assertArrayEquals(a.textures().get(i).rgba(), b.textures().get(i).rgba(), d.name());
            }
            boolean animated = a.particles().count() > 0;
            for (SceneObject o : a.objects()) {
                animated |= !o.animation().model(0.1, new Matrix4f()).equals(o.animation().model(0.2, new Matrix4f()));
            }
            assertTrue(animated, d.name() + " has nothing moving");
        }
    }

    @Test
    void warehouseSeedsRestackTheCratesButKeepTheRacks() {
        SceneDefinition warehouse = SceneCatalog.builtIn().scenes().stream()
                .filter(d -> d.name().equals("warehouse")).findFirst().orElseThrow();
        Scene a = warehouse.build(1);
        Scene b = warehouse.build(2);
        assertArrayEquals(mesh(a, "rack-frames").vertices(), mesh(b, "rack-frames").vertices());
        assertFalse(java.util.Arrays.equals(mesh(a, "crates").vertices(), mesh(b, "crates").vertices()),
                "two training seeds gave the same crate stack");
    }

    @Test
    void concourseSeedsRewriteTheTextButKeepTheHall() {
        SceneDefinition concourse = SceneCatalog.builtIn().scenes().stream()
                .filter(d -> d.name().equals("concourse")).findFirst().orElseThrow();
        Scene a = concourse.build(1);
        Scene b = concourse.build(2);
        assertArrayEquals(mesh(a, "walls").vertices(), mesh(b, "walls").vertices());
        List<Texture> postersA = a.textures().stream().filter(t -> t.name().equals("poster")).toList();
        List<Texture> postersB = b.textures().stream().filter(t -> t.name().equals("poster")).toList();
        assertTrue(postersA.size() >= 8, "posters: " + postersA.size());
        assertEquals(postersA.size(), postersB.size());
        for (int i = 0; i < postersA.size(); i++) {
            assertFalse(java.util.Arrays.equals(postersA.get(i).rgba(), postersB.get(i).rgba()),
                    "poster " + i + " has the same text under two training seeds");
        }
    }

    private static Mesh mesh(Scene scene, String name) {
        return scene.meshes().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyShaderVariantCompilesAndTheCatalogIsAService() {
        boolean registered = false;
        for (var catalog : ServiceLoader.load(dev.ocular.gpu.shader.ShaderCatalog.class)) {
            registered |= catalog instanceof SceneShaders;
        }
        assertTrue(registered, "SceneShaders missing from META-INF/services");
        try (ShaderCompiler compiler = new ShaderCompiler(null)) {
            for (ShaderSource s : new SceneShaders().variants()) {
                assertTrue(compiler.compile(s).length > 100, s.label());
            }
        }
    }
}
