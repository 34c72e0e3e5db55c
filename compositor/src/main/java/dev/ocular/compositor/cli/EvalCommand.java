package dev.ocular.compositor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ocular.compositor.eval.EvalOptions;
import dev.ocular.compositor.eval.EvalReport;
import dev.ocular.compositor.eval.EvalRunner;
import dev.ocular.compositor.eval.EvalTable;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.VrNetModels;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import dev.ocular.scenes.rig.HeadMotion;
import dev.ocular.scenes.SceneInputException;
import dev.ocular.vrnet.NetPath;
import dev.ocular.vrnet.model.NetEnsemble;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ocular eval}: vr-net against the classic upscalers on rendered sequences, per eye, after a warm-up, against a
 * supersampled reference. Defaults to the held-out scenes on their canonical paths (seed 0, never trained on);
 * {@code --seed K} draws new head paths and animation phases.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate vr-net and the baselines per eye (PSNR, SSIM, FLIP, flicker; lens centre/periphery).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--scenes", split = ",", description = "Scenes (default: the held-out scenes, text-panels and "
            + "corridor).")
    List<String> scenes;

    @Option(names = "--motion", description = "Head motion (default: each scene's own).")
    String motion;

    @Option(names = "--frames", defaultValue = "16", description = "Measured frames (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--warmup", defaultValue = "16", description = "Warm-up frames skipped before measuring "
            + "(default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--scale", defaultValue = "2.0", description = "Per-axis upscale ratio in [1, 3] (Performance 2, "
            + "Quality 1.5; default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "0", description = "Head path and animation seed (0: canonical paths; "
            + "any other draws new ones; default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--methods", split = ",", defaultValue = "bilinear,bicubic,lanczos,spatial,taau,vrnet",
            description = "Methods (default ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--size", defaultValue = "1032x1104", description = "Per-eye output size WxH (default "
            + "${DEFAULT-VALUE}, the Quest-like eye).")
    String size;

    @Option(names = "--reference", defaultValue = "4", description = "k of the k×k supersampled reference "
            + "(default ${DEFAULT-VALUE}).")
    int reference;

    @Option(names = "--weights", split = ",", description = "vr-net weights; several, comma-separated, run as an "
            + "ensemble whose outputs are averaged (default: the shipped members).")
    List<Path> weights = List.of();

    @Option(names = "--net-path", description = "vr-net executor: reference, scalar or coopmat (default: "
            + "OCULAR_NET_PATH, else the device's best).")
    String netPath;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--out", description = "Write ꟻLIP error heatmaps (PNG) of each scene's last frame here.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] wh = Sizes.parse(size, "--size");
        List<Method> chosen = new ArrayList<>();
        for (String m : methods) {
            chosen.add(Method.parse(m, "--methods"));
        }
        HeadMotion headMotion = parseMotion();
        NetEnsemble model = chosen.contains(Method.VRNET) ? model() : null;
        List<String> names = scenes == null ? EvalOptions.defaultScenes() : scenes;
        PrintWriter err = spec.commandLine().getErr();
        EvalReport report;
        // Checked before the device opens, so bad input never waits for Vulkan.
        EvalOptions checked = new EvalOptions(names, headMotion, frames, warmup, scale, seed, chosen, wh[0], wh[1],
                reference, model, null, out);
        try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("ocular-eval"))) {
            NetPath path = model == null ? null : NetPath.resolve(netPath, System.getenv(), gpu.capabilities());
            EvalOptions options = checked.withNetPath(path);
            report = new EvalRunner(gpu, dev.ocular.scenes.SceneCatalog.builtIn()).run(options, line -> {
                err.print("\r" + line + "          ");
                err.flush();
            });
            err.println();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            stdout.print(EvalTable.format(report));
        }
        stdout.flush();
        return 0;
    }

    private HeadMotion parseMotion() {
        if (motion == null) {
            return null;
        }
        try {
            return HeadMotion.parse(motion);
        } catch (IllegalArgumentException e) {
            throw new SceneInputException("--motion: " + e.getMessage(), e);
        }
    }

    private NetEnsemble model() {
        if (!weights.isEmpty()) {
            return VrNetModels.ensemble(weights);
        }
        return VrNetModels.shipped().orElseThrow(() -> new dev.ocular.gpu.BadInputException(
                "--methods: vrnet needs weights and this build ships none; pass --weights FILE"));
    }
}
