package dev.ocular.scenes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.SceneInputException;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.Mesh;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneObject;
import dev.ocular.scenes.scene.Texture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GltfSceneLoaderTest {
    @TempDir
    Path dir;

    private static SceneObject quad(Scene scene) {
        return scene.objects().stream().filter(o -> o.name().contains("gltf:")).findFirst().orElseThrow();
    }

    private static void assertLoadedQuad(Scene scene) {
        SceneObject quad = quad(scene);
        Material m = quad.material();
        assertEquals(GltfFixtures.FACTOR[0], m.r(), 1e-6);
        assertEquals(GltfFixtures.FACTOR[1], m.g(), 1e-6);
        assertEquals(GltfFixtures.FACTOR[2], m.b(), 1e-6);
        Texture t = scene.textures().get(m.texture());
        assertEquals(4, t.width());
        assertEquals(2, t.height());
        assertTrue(t.srgb(), "base colour textures are sRGB");
        assertEquals(GltfFixtures.TOP_LEFT_RGB[0], t.rgba()[0] & 0xFF);
        assertEquals(GltfFixtures.TOP_LEFT_RGB[1], t.rgba()[1] & 0xFF);
        Mesh mesh = scene.meshes().get(quad.mesh());
        assertEquals(2, mesh.triangleCount());
        // Each written vertex must come back translated by its node and with the texture coordinate it was given
        // (glTF's top-left origin, which is also ocular's).
        for (float[] v : GltfFixtures.VERTICES) {
            boolean found = false;
            float[] data = mesh.vertices();
            for (int i = 0; i < data.length; i += Mesh.FLOATS_PER_VERTEX) {
                if (Math.abs(data[i] - (v[0] + 1)) < 1e-5 && Math.abs(data[i + 1] - (v[1] + 2)) < 1e-5
                        && Math.abs(data[i + 2] - (v[2] + 3)) < 1e-5) {
                    assertEquals(v[3], data[i + 6], 1e-6, "u of vertex " + v[0] + "," + v[1]);
                    assertEquals(v[4], data[i + 7], 1e-6, "v of vertex " + v[0] + "," + v[1]);
                    assertEquals(1, data[i + 5], 1e-5, "normal z");
                    found = true;
                }
            }
            assertTrue(found, "vertex " + v[0] + "," + v[1] + " missing");
        }
    }

    @Test
    void loadsGltfWithDataUriBufferAndSideCarTexture() throws Exception {
        assertLoadedQuad(GltfSceneLoader.load(GltfFixtures.writeGltf(dir)));
    }

    @Test
    void loadsGlbWithEmbeddedTextureThroughTheCatalog() throws Exception {
        Path glb = GltfFixtures.writeGlb(dir);
        Scene scene = SceneCatalog.builtIn().build(glb.toString(), 0);
        assertLoadedQuad(scene);
        assertTrue(scene.name().contains("quad.glb"));
    }

    @Test
    void badFilesFailWithOneLineNamingTheFile() throws Exception {
        Path garbage = dir.resolve("garbage.gltf");
        Files.writeString(garbage, "{ this is not json");
        Path missing = dir.resolve("missing.glb");
        Path gltf = GltfFixtures.writeGltf(dir);
        Files.delete(dir.resolve("tex.png"));
        for (Path p : new Path[] {garbage, missing, gltf}) {
            SceneInputException e = assertThrows(SceneInputException.class, () -> GltfSceneLoader.load(p));
            assertTrue(e.getMessage().contains(p.getFileName().toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }
}
