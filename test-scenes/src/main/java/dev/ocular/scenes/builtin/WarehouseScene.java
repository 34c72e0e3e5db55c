package dev.ocular.scenes.builtin;

import dev.ocular.scenes.SceneDefinition;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.scene.Material;
import dev.ocular.scenes.scene.MeshBuilder;
import dev.ocular.scenes.scene.ProceduralTextures;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.scenes.scene.SceneBuilder;
import java.util.SplittableRandom;
import org.joml.Vector3f;

/**
 * A warehouse aisle between two pallet racks stacked with crates, wire-mesh backs against the open yard: close
 * geometry at many depths moving past the viewer under parallax. The seed rearranges the crates, so every training
 * seed is a different stack.
 */
public final class WarehouseScene implements SceneDefinition {
    private static final float AISLE_HALF = 1.3f;
    private static final float RACK_DEPTH = 1.0f;
    private static final float BAY = 2.7f;
    private static final int BAYS = 11;
    private static final float[] SHELF_HEIGHTS = {0.1f, 1.3f, 2.5f, 3.7f};
    /** The cross aisle: no rack in this bay, so the viewer sees across into the neighbouring aisles. */
    private static final int CROSS_AISLE_BAY = 5;

    @Override
    public String name() {
        return "warehouse";
    }

    @Override
    public String failureMode() {
        return "close parallax: crate and rack edges at many depths disocclude, wire mesh reveals layers behind";
    }

    @Override
    public String description() {
        return "A 30 m aisle between pallet racks (4 levels, 2.7 m bays) stacked with seeded crates, wire-mesh "
                + "backs onto the yard, a cross aisle with a sliding pallet, strip lights under a dark roof; sideways "
                + "sway and step.";
    }

    @Override
    public Scene build(long seed) {
        SceneBuilder b = new SceneBuilder(name()).defaultMotion(HeadMotion.TRANSLATION);
        int concrete = b.texture(ProceduralTextures.checker(256, 16, 0.33f, 0.42f));
        int labels = b.texture(ProceduralTextures.windows(seed + 17, 256, 6));
        int mesh = b.texture(ProceduralTextures.chainLink(256, 6, 0.18));
        int bricks = b.texture(ProceduralTextures.bricks(seed + 3, 512));
        float length = BAYS * BAY;
        float far = -length + 1;

        b.addStatic(Props.ground(80, 40), Material.textured(concrete).withSpecular(0.15f, 40));
        b.addStatic(new MeshBuilder("roof").quad(new Vector3f(-8, 6, far - 2), new Vector3f(16, 0, 0),
                new Vector3f(0, 0, length + 6), 1, 1).build(), Material.matte(0.12f, 0.12f, 0.13f));
        b.addStatic(new MeshBuilder("back-wall").quad(new Vector3f(-8, 6, far - 2), new Vector3f(16, 0, 0),
                new Vector3f(0, -6, 0), 8, 3).build(), Material.textured(bricks));

        MeshBuilder uprights = new MeshBuilder("rack-frames");
        MeshBuilder backs = new MeshBuilder("rack-mesh");
        MeshBuilder crates = new MeshBuilder("crates");
        MeshBuilder cartons = new MeshBuilder("cartons");
        SplittableRandom random = new SplittableRandom(0x3A7E5L ^ seed);
        for (int side = -1; side <= 1; side += 2) {
            float inner = side * AISLE_HALF;
            float outer = side * (AISLE_HALF + RACK_DEPTH);
            for (int bay = 0; bay < BAYS; bay++) {
                float z0 = 1 - bay * BAY;
                float z1 = z0 - BAY;
                for (float x : new float[] {inner, outer}) {
                    uprights.box(x, 2.25f, z0, 0.08f, 4.5f, 0.08f, 2);
                }
                if (bay == CROSS_AISLE_BAY) {
                    continue;
                }
                for (float y : SHELF_HEIGHTS) {
                    uprights.box(inner, y, (z0 + z1) / 2, 0.06f, 0.1f, BAY, 2);
                    uprights.box(outer, y, (z0 + z1) / 2, 0.06f, 0.1f, BAY, 2);
                    stackBay(random, side, z0, y + 0.05f, crates, cartons);
                }
                backs.quad(new Vector3f(outer + side * 0.02f, 4.5f, z0), new Vector3f(0, 0, -BAY),
                        new Vector3f(0, -4.5f, 0), BAY * 2, 9);
            }
        }
        b.addStatic(uprights.build(), Material.matte(0.75f, 0.32f, 0.08f).withSpecular(0.3f, 48));
        b.addStatic(backs.build(), Material.textured(mesh).withBaseColour(0.6f, 0.6f, 0.62f).withAlphaCutoff(0.5f));
        b.addStatic(crates.build(), Material.textured(labels).withBaseColour(0.9f, 0.8f, 0.65f));
        b.addStatic(cartons.build(), Material.matte(0.55f, 0.41f, 0.26f));

        MeshBuilder lights = new MeshBuilder("strip-lights");
        for (int bay = 0; bay < BAYS; bay++) {
            lights.box(0, 5.6f, 1 - (bay + 0.5f) * BAY, 0.12f, 0.05f, 1.6f, 1);
        }
        b.addStatic(lights.build(), Material.matte(1f, 0.95f, 0.85f).withEmissive(6));

        double phase = Props.phase(seed, 1);
        float crossZ = 1 - (CROSS_AISLE_BAY + 0.5f) * BAY;
        int pallet = b.mesh(new MeshBuilder("pallet").box(0, 0.55f, 0, 1.1f, 1.1f, 0.9f, 3).build());
        b.add("pallet", pallet, Material.textured(labels),
                (t, m) -> m.translation(3.2f * (float) Math.sin(2 * Math.PI * t / 5 + phase), 0, crossZ));
        return b.build();
    }

    /** Fills one shelf level of one bay with crates of seeded sizes, set back from the aisle by seeded amounts. */
    private static void stackBay(SplittableRandom random, int side, float z0, float y, MeshBuilder crates,
            MeshBuilder cartons) {
        float z = z0 - 0.1f;
        while (true) {
            float width = 0.35f + 0.55f * (float) random.nextDouble();
            if (z - width < z0 - BAY + 0.1f) {
                return;
            }
            float gap = (float) random.nextDouble() < 0.25 ? 0.2f + 0.4f * (float) random.nextDouble() : 0.03f;
            float height = 0.3f + 0.75f * (float) random.nextDouble();
            float depth = 0.5f + 0.45f * (float) random.nextDouble();
            float inset = 0.02f + (RACK_DEPTH - depth - 0.04f) * (float) random.nextDouble();
            float cx = side * (AISLE_HALF + inset + depth / 2);
            MeshBuilder target = random.nextBoolean() ? crates : cartons;
            target.box(cx, y + height / 2, z - width / 2, depth, height, width, 2);
            z -= width + gap;
        }
    }
}
