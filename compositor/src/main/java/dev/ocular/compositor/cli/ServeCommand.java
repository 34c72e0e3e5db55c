package dev.ocular.compositor.cli;

import dev.ocular.compositor.pipeline.Preset;
import dev.ocular.compositor.report.TuningOptions;
import dev.ocular.compositor.run.CompositorRunner;
import dev.ocular.compositor.run.RunConfig;
import dev.ocular.compositor.run.RunResult;
import dev.ocular.compositor.run.UpscalerSetup;
import dev.ocular.compositor.serve.LiveCompositor;
import dev.ocular.compositor.service.ServiceConfig;
import dev.ocular.compositor.service.TuningService;
import dev.ocular.compositor.upscale.Method;
import dev.ocular.compositor.upscale.VrNetModels;
import dev.ocular.distortion.profile.LensProfiles;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ocular serve}: the compositor running continuously with the tuning service (HTTP API + dashboard). Stops on
 * Ctrl-C (or after --frames / --seconds), then writes the run's report like `ocular run`.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the compositor continuously with a local "
        + "web dashboard to tune it (per-eye preset/method/sharpening, lens, captures, profiling windows).")
final class ServeCommand implements Callable<Integer> {
    /** An effectively endless run: the service stops it. */
    static final double FOREVER_SECONDS = 1e9;

    @Mixin
    RunOptions options;

    @Option(names = "--port", defaultValue = "8097", description = "HTTP port (0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = ServiceConfig.DEFAULT_BIND, description = "Address to listen on; any "
            + "non-loopback address requires a token.")
    String bind;

    @Option(names = "--token", description = "Access token (generated and printed when binding beyond loopback).")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        RunConfig given = options.config(0, 0, true);
        RunConfig config = options.frames == null && options.seconds == null
                ? new RunConfig(given.scene(), given.seed(), 0, FOREVER_SECONDS, given.sink(), given.left(),
                        given.right(), given.width(), given.height(), given.motion(), given.lensProfile(), given.out(),
                        given.weights(), given.netPath(), given.reference(), given.writeEvery())
                : given;
        boolean vrnet = !config.weights().isEmpty() || VrNetModels.shipped().isPresent();
        TuningOptions tuning = new TuningOptions(Arrays.stream(Preset.values()).map(Preset::cliName).toList(),
                UpscalerSetup.available(vrnet).stream().map(Method::cliName).toList(),
                new LensProfiles().builtinNames(), 0.0, 1.0, List.of());
        CompositorRunner runner = new CompositorRunner(config, err);
        LiveCompositor live = new LiveCompositor(config, runner.settings(), tuning);
        runner.listener(live::frameDone);
        ServiceConfig service = ServiceConfig.of(bind, port, token, config.out().resolve("profiles"));
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.stop();
            try {
                finished.await(60, TimeUnit.SECONDS); // let the loop write its report before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ocular-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunResult result;
        try (TuningService server = TuningService.start(live, service)) {
            err.println("ocular: dashboard at " + server.url());
            result = runner.run();
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook is running and has waited for us.
        }
        spec.commandLine().getOut().printf("ocular serve: %d frames; report %s%n", result.framesSubmitted(),
                result.reportJson());
        spec.commandLine().getOut().flush();
        return result.runtimeLost() == null ? 0 : Main.EXIT_FAILURE;
    }
}
