package dev.ocular.scenes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ocular.gpu.GpuContext;
import dev.ocular.gpu.GpuOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A developer entry point for this module alone (the product CLI is {@code ocular scenes …} in the compositor):
 * {@code list}, {@code render SCENE WxH FRAME SCALE REFERENCE OUTDIR} and
 * {@code bench WxH ROUNDS [REFERENCE_K REF_WxH] [SCENE…]}. Bad input prints one line and exits 2.
 */
public final class SceneTool {
    private SceneTool() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(args));
        } catch (SceneInputException e) {
            System.err.println("ocular scenes: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) throws Exception {
        SceneCatalog catalog = SceneCatalog.builtIn();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "list" -> System.out.println(json.writeValueAsString(catalog.list()));
            case "render" -> {
                if (args.length != 7) {
                    throw new SceneInputException("usage: render SCENE WxH FRAME SCALE REFERENCE OUTDIR");
                }
                int[] size = RenderRequest.parseSize(args[2]);
                RenderRequest request = RenderRequest.of(args[1], size[0], size[1], Long.parseLong(args[3]),
                        Path.of(args[6])).withScale(Double.parseDouble(args[4]))
                        .withReference(Integer.parseInt(args[5]));
                SceneRenderJob job = new SceneRenderJob(catalog);
                SceneRenderJob.Result result;
                if (job.needsGpu(request)) {
                    try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("ocular-scenes"))) {
                        result = job.run(gpu, request);
                    }
                } else {
                    result = job.runPattern(request);
                }
                System.out.println(json.writeValueAsString(result));
            }
            case "bench" -> {
                int[] size = RenderRequest.parseSize(args[1]);
                int rounds = Integer.parseInt(args[2]);
                int k = args.length > 3 ? Integer.parseInt(args[3]) : 0;
                int[] ref = args.length > 4 ? RenderRequest.parseSize(args[4]) : new int[] {2064, 2208};
                List<String> scenes = args.length > 5 ? Arrays.asList(args).subList(5, args.length) : List.of();
                try (GpuContext gpu = GpuContext.create(GpuOptions.defaults("ocular-scenes-bench"))) {
                    SceneBenchmark.Report report = new SceneBenchmark(catalog).run(gpu, new SceneBenchmark.Options(
                            scenes, size[0], size[1], rounds, 1, k, ref[0], ref[1]));
                    System.out.println(json.writeValueAsString(report));
                }
            }
            default -> throw new SceneInputException("unknown command '" + command + "' (list, render, bench)");
        }
        return 0;
    }
}
