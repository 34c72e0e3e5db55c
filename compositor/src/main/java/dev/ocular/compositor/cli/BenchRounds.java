package dev.ocular.compositor.cli;

import dev.ocular.gpu.BadInputException;
import picocli.CommandLine.Option;

/** What every benchmark takes: timed rounds (the median is reported), untimed warm-up, JSON output. */
final class BenchRounds {
    @Option(names = "--rounds", defaultValue = "9", description = "Timed rounds (the median is reported).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up rounds.")
    int warmup;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    void check() {
        if (rounds < 1 || warmup < 0) {
            throw new BadInputException("--rounds must be at least 1 and --warmup at least 0");
        }
    }
}
