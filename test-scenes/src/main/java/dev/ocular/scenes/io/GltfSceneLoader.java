package dev.ocular.scenes.io;

import static org.lwjgl.assimp.Assimp.*;

import dev.ocular.scenes.SceneInputException;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.rig.HeadPose;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.Mesh;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import dev.ocular.scenes.scene.Texture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.lwjgl.assimp.AIMaterial;
import org.lwjgl.assimp.AIMesh;
import org.lwjgl.assimp.AIScene;

/**
 * Loads a user's glTF 2.0 file (.gltf with side-car or data-URI buffers and images, or .glb) with assimp into a
 * {@link Scene}: node transforms are baked into the vertices, every triangle mesh becomes an object with its
 * material's base colour factor and base colour texture (embedded or side-car; PNG/JPEG via ImageIO) and alpha mask.
 * Objects smaller than {@value #ROOM_SCALE} m are scaled to stand 1.5 m tall, 2.5 m in front of the viewer on a
 * ground plane; larger files are treated as environments and entered at their centre. Bad files fail with a
 * {@link SceneInputException} that names the file.
 */
public final class GltfSceneLoader {
    static final float ROOM_SCALE = 10f;
    private static final int FLAGS = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices
            | aiProcess_GenSmoothNormals | aiProcess_PreTransformVertices | aiProcess_SortByPType
            | aiProcess_ValidateDataStructure | aiProcess_FlipUVs;

    private GltfSceneLoader() {
    }

    public static Scene load(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SceneInputException("cannot read glTF file " + path + ": no such readable file");
        }
        AIScene ai = aiImportFile(path.toAbsolutePath().toString(), FLAGS);
        if (ai == null) {
            throw new SceneInputException("malformed glTF file " + path + ": " + oneLine(aiGetErrorString()));
        }
        try {
            return convert(ai, path);
        } catch (GltfTextures.UnreadableTexture e) {
            throw new SceneInputException("glTF file " + path + ": " + e.getMessage(), e);
        } finally {
            aiReleaseImport(ai);
        }
    }

    private static Scene convert(AIScene ai, Path path) {
        String name = "gltf:" + path.getFileName();
        SceneBuilder b = new SceneBuilder(name).defaultMotion(HeadMotion.SLOW_PAN);
        GltfTextures textures = new GltfTextures(ai, path.toAbsolutePath().getParent());
        Map<Texture, Integer> textureIndex = new IdentityHashMap<>();
        List<Mesh> meshes = new ArrayList<>();
        List<Material> materials = new ArrayList<>();
        for (int i = 0; i < ai.mNumMeshes(); i++) {
            AIMesh mesh = AIMesh.create(ai.mMeshes().get(i));
            if ((mesh.mPrimitiveTypes() & aiPrimitiveType_TRIANGLE) == 0) {
                continue;
            }
            meshes.add(GltfMeshes.toMesh(mesh, name + "#" + i));
            AIMaterial material = AIMaterial.create(ai.mMaterials().get(mesh.mMaterialIndex()));
            materials.add(GltfTextures.material(material, textures, b, textureIndex));
        }
        if (meshes.isEmpty()) {
            throw new SceneInputException("glTF file " + path + " contains no triangle meshes");
        }
        float[] bounds = GltfMeshes.bounds(meshes);
        float extent = Math.max(bounds[3] - bounds[0], Math.max(bounds[4] - bounds[1], bounds[5] - bounds[2]));
        Matrix4f placement = new Matrix4f();
        if (extent > ROOM_SCALE) {
            b.viewpoint(HeadPose.at((bounds[0] + bounds[3]) / 2, bounds[1] + 1.6f, (bounds[2] + bounds[5]) / 2));
        } else {
            float scale = 1.5f / Math.max(extent, 1e-6f);
            placement.translation(0, 0, -2.5f).scale(scale)
                    .translate(-(bounds[0] + bounds[3]) / 2, -bounds[1], -(bounds[2] + bounds[5]) / 2);
            b.addStatic(new MeshBuilder("ground").quad(new Vector3f(-20, 0, 20), new Vector3f(40, 0, 0),
                    new Vector3f(0, 0, -40), 20, 20).build(),
                    Material.textured(b.texture(ProceduralTextures.checker(128, 8, 0.2f, 0.35f))));
        }
        for (int i = 0; i < meshes.size(); i++) {
            b.addStatic(meshes.get(i), materials.get(i), placement);
        }
        return b.build();
    }

    static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "assimp gave no reason";
        }
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }
}
