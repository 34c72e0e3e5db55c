package dev.ocular.compositor.cli;

import dev.ocular.compositor.run.CompositorRunner;
import dev.ocular.compositor.run.RunConfig;
import dev.ocular.compositor.run.RunResult;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ocular run}: the compositor's main job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the compositor: render each eye low, reconstruct, (distort,) submit; write images and a report.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunConfig config = options.config();
        PrintStream progress = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        RunResult result = new CompositorRunner(config, progress).run();
        spec.commandLine().getOut().printf("ocular run: %d frames submitted per eye (%d late, %d discarded), frame time "
                        + "mean %.2f ms, p99 %.2f ms; report %s%n", result.framesSubmitted(), result.framesLate(),
                result.framesDiscarded(), result.meanFrameMs(), result.p99FrameMs(), result.reportJson());
        spec.commandLine().getOut().flush();
        if (result.runtimeLost() != null) {
            spec.commandLine().getErr().println("ocular: the OpenXR runtime was lost mid-run (" + result.runtimeLost()
                    + "); the report covers the frames before it");
            return Main.EXIT_FAILURE;
        }
        return 0;
    }
}
