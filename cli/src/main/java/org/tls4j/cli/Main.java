package org.tls4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tls4j} command. Subcommands arrive with the layers beneath them; {@code demo} reports
 * honestly which layers exist until the handshake can be shown for real.
 */
@Command(name = "tls4j", mixinStandardHelpOptions = true, version = "tls4j 0.1.0-SNAPSHOT",
        description = "A pure-Java SSL/TLS stack written from scratch.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
