package dev.ocular.compositor.cli;

import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.profile.LensProfiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ocular lens}: lens profiles and their accuracy (list, eval, report). The work is done by the distortion
 * module; these commands parse, print and map its bad-input exceptions to exit status 2 (through {@link Main}).
 */
@Command(name = "lens", mixinStandardHelpOptions = true,
        description = "Lens profiles: list the built-ins, map points through a lens, report a profile's accuracy.",
        subcommands = {LensListCommand.class, LensEvalCommand.class, LensReportCommand.class})
final class LensCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: give one of list, eval, report");
    }

    /** What {@code --profile} names: a built-in name, {@code builtin:NAME} or a profile file. */
    static LensProfile resolveProfile(String nameOrPath) {
        return new LensProfiles().resolve(nameOrPath);
    }
}
