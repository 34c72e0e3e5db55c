package dev.ocular.scenes.io;

import dev.ocular.scenes.scene.Mesh;
import java.util.List;
import org.lwjgl.assimp.AIFace;
import org.lwjgl.assimp.AIMesh;
import org.lwjgl.assimp.AIVector3D;

/** assimp meshes → ocular {@link Mesh}es (interleaved position, normal, uv; triangles only). */
final class GltfMeshes {
    private GltfMeshes() {
    }

    static Mesh toMesh(AIMesh mesh, String name) {
        int n = mesh.mNumVertices();
        float[] v = new float[n * Mesh.FLOATS_PER_VERTEX];
        AIVector3D.Buffer positions = mesh.mVertices();
        AIVector3D.Buffer normals = mesh.mNormals();
        AIVector3D.Buffer uvs = mesh.mTextureCoords(0);
        for (int i = 0; i < n; i++) {
            int at = i * Mesh.FLOATS_PER_VERTEX;
            AIVector3D p = positions.get(i);
            v[at] = p.x();
            v[at + 1] = p.y();
            v[at + 2] = p.z();
            if (normals != null) {
                AIVector3D nrm = normals.get(i);
                v[at + 3] = nrm.x();
                v[at + 4] = nrm.y();
                v[at + 5] = nrm.z();
            } else {
                v[at + 4] = 1;
            }
            if (uvs != null) {
                // aiProcess_FlipUVs restores glTF's top-left texture origin, which is also ocular's.
                AIVector3D uv = uvs.get(i);
                v[at + 6] = uv.x();
                v[at + 7] = uv.y();
            }
        }
        AIFace.Buffer faces = mesh.mFaces();
        int triangles = 0;
        for (int f = 0; f < mesh.mNumFaces(); f++) {
            if (faces.get(f).mNumIndices() == 3) {
                triangles++;
            }
        }
        int[] indices = new int[triangles * 3];
        int k = 0;
        for (int f = 0; f < mesh.mNumFaces(); f++) {
            AIFace face = faces.get(f);
            if (face.mNumIndices() == 3) {
                indices[k++] = face.mIndices().get(0);
                indices[k++] = face.mIndices().get(1);
                indices[k++] = face.mIndices().get(2);
            }
        }
        return new Mesh(name, v, indices);
    }

    /** min x, y, z, max x, y, z over all vertices. */
    static float[] bounds(List<Mesh> meshes) {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE,
            -Float.MAX_VALUE};
        for (Mesh m : meshes) {
            float[] v = m.vertices();
            for (int i = 0; i < v.length; i += Mesh.FLOATS_PER_VERTEX) {
                for (int c = 0; c < 3; c++) {
                    b[c] = Math.min(b[c], v[i + c]);
                    b[c + 3] = Math.max(b[c + 3], v[i + c]);
                }
            }
        }
        return b;
    }
}
