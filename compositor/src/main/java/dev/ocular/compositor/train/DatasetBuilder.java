package dev.ocular.compositor.train;

import dev.ocular.gpu.BadInputException;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.frame.GBufferData;
import dev.ocular.gpu.frame.ImageData;
import dev.ocular.gpu.io.AtomicFile;
import dev.ocular.scenes.SceneCatalog;
import dev.ocular.scenes.render.GBufferReadback;
import dev.ocular.scenes.render.RenderSettings;
import dev.ocular.scenes.render.SceneRenderer;
import dev.ocular.scenes.render.StereoGBuffers;
import dev.ocular.scenes.rig.Eye;
import dev.ocular.scenes.rig.HeadPath;
import dev.ocular.scenes.rig.ScriptedViews;
import dev.ocular.scenes.rig.StereoFrame;
import dev.ocular.scenes.rig.StereoRig;
import dev.ocular.scenes.scene.Scene;
import dev.ocular.vrnet.train.TrainFrame;
import dev.ocular.vrnet.train.TrainSequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Renders a {@link DatasetPlan} into shards with test-scenes' renderer (jittered G-buffers at the shot's ratio, k×k
 * supersampled references, each eye's crop window as its own frustum) and writes the manifest. Resumable: a shard
 * already on disk (written atomically, so complete) is reused, and the manifest is written last. Deterministic: the
 * renderer is bit-exact, so the same plan gives the same bytes and hashes. Not thread-safe.
 */
public final class DatasetBuilder {
    /** Written first in a dataset directory: the plan it is being rendered from. */
    public static final String PLAN_MARKER = "plan.txt";

    private final GpuContext gpu;
    private final SceneCatalog catalog;

    public DatasetBuilder(GpuContext gpu, SceneCatalog catalog) {
        this.gpu = gpu;
        this.catalog = catalog;
    }

    /**
     * Builds (or completes) the dataset in {@code root}; {@code progress} gets the number of shots done so far.
     *
     * @return the opened dataset
     */
    public Dataset build(DatasetPlan plan, Path root, IntConsumer progress) throws IOException {
        Files.createDirectories(root);
        claim(root, plan);
        List<Shot> shots = plan.shots();
        List<Dataset.Entry> entries = new ArrayList<>();
        String loaded = null;
        Scene scene = null;
        SceneRenderer renderer = null;
        try {
            for (int i = 0; i < shots.size(); i++) {
                Shot shot = shots.get(i);
                List<Path> files = List.of(shardPath(root, shot, Eye.LEFT), shardPath(root, shot, Eye.RIGHT));
                if (!Files.isRegularFile(files.get(0)) || !Files.isRegularFile(files.get(1))) {
                    // Shots are ordered by seed and scene, so each scene is uploaded once per seed.
                    String key = shot.scene() + "#" + shot.seed();
                    if (!key.equals(loaded)) {
                        if (renderer != null) {
                            renderer.close();
                            renderer = null;
                        }
                        scene = catalog.build(shot.scene(), shot.seed());
                        renderer = SceneRenderer.create(gpu, scene);
                        loaded = key;
                    }
                    render(renderer, scene, shot, plan.reference(), files);
                }
                for (Eye eye : Eye.values()) {
                    entries.add(entry(root, files.get(eye.index()), shot, eye));
                }
                progress.accept(i + 1);
            }
        } finally {
            if (renderer != null) {
                renderer.close();
            }
        }
        Dataset.writeManifest(root, new Dataset.Manifest(Dataset.FORMAT, plan.describe(), entries));
        return Dataset.open(root);
    }

    /** Renders both eyes of a shot and writes their shards. */
    private void render(SceneRenderer renderer, Scene scene, Shot shot, int reference, List<Path> files)
            throws IOException {
        StereoRig full = StereoRig.questLike();
        StereoRig rig = new StereoRig(full.ipd(), shot.left().fov(full.leftFov()), shot.right().fov(full.rightFov()));
        ScriptedViews views = new ScriptedViews(rig, new HeadPath(shot.motion(), shot.seed()), scene.viewpoint(),
                ScriptedViews.DEFAULT_FPS);
        RenderSettings settings = new RenderSettings(EnumSet.allOf(Eye.class), shot.lowWidth(shot.left()),
                shot.lowHeight(shot.left()), shot.lowWidth(shot.right()), shot.lowHeight(shot.right()),
                shot.ratio(), true, true);
        List<List<TrainFrame>> frames = List.of(new ArrayList<>(), new ArrayList<>());
        for (int f = 0; f < shot.frames(); f++) {
            StereoFrame frame = views.frame(shot.startFrame() + f);
            StereoGBuffers g = renderer.render(frame, settings);
            // Read both G-buffers back before rendering references: those reuse the renderer's targets.
            GBufferData[] host = {GBufferReadback.read(gpu, g.eye(Eye.LEFT)), GBufferReadback.read(gpu,
                g.eye(Eye.RIGHT))};
            for (Eye eye : Eye.values()) {
                EyeCrop crop = eye == Eye.LEFT ? shot.left() : shot.right();
                ImageData truth = renderer.renderReference(frame, eye, crop.width(), crop.height(), reference);
                frames.get(eye.index()).add(new TrainFrame(host[eye.index()], crop.params(f == 0 || frame.cut()),
                        truth));
            }
        }
        for (Eye eye : Eye.values()) {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("ocular.kind", "vrnet-dataset-shard");
            meta.put("scene", shot.scene());
            meta.put("motion", shot.motion().id());
            meta.put("seed", Long.toString(shot.seed()));
            meta.put("ratio", Double.toString(shot.ratio()));
            meta.put("start_frame", Long.toString(shot.startFrame()));
            meta.put("eye", eye.id());
            EyeCrop crop = eye == Eye.LEFT ? shot.left() : shot.right();
            meta.put("crop", crop.x0() + "," + crop.y0() + "," + crop.width() + "x" + crop.height() + " of "
                    + crop.eyeWidth() + "x" + crop.eyeHeight());
            meta.put("reference", reference + "x" + reference);
            SequenceShard.write(files.get(eye.index()), new TrainSequence(shot.id() + "/" + eye.id(),
                    frames.get(eye.index())), meta);
        }
    }

    /**
     * Marks {@code root} as rendered from {@code plan} before the first shard is written, and refuses a directory
     * marked with another plan: shards of two plans must never mix.
     */
    private static void claim(Path root, DatasetPlan plan) throws IOException {
        Path marker = root.resolve(PLAN_MARKER);
        if (Files.isRegularFile(marker)) {
            String existing = Files.readString(marker, StandardCharsets.UTF_8);
            if (!existing.equals(plan.describe())) {
                throw new BadInputException(root + ": holds a dataset of another plan (" + PLAN_MARKER + ": "
                        + existing.replace('\n', ' ') + "); use another directory");
            }
            return;
        }
        AtomicFile.write(marker, plan.describe().getBytes(StandardCharsets.UTF_8));
    }

    static Path shardPath(Path root, Shot shot, Eye eye) {
        return root.resolve(shot.split()).resolve(shot.id() + "_" + eye.id() + ".safetensors");
    }

    private static Dataset.Entry entry(Path root, Path file, Shot shot, Eye eye) throws IOException {
        return new Dataset.Entry(root.relativize(file).toString(), shot.split(), shot.id(), eye.id(), shot.scene(),
                shot.motion().id(), shot.seed(), shot.ratio(), shot.frames(), Dataset.sha256(Files.readAllBytes(
                        file)));
    }
}
