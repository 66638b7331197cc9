package org.tls4j.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tls4j} command. Subcommands arrive with the layers beneath them; {@code demo} reports
 * honestly which layers exist until the handshake can be shown for real.
 */
@Command(name = "tls4j", mixinStandardHelpOptions = true, version = "tls4j 0.1.0-SNAPSHOT",
        description = "A pure-Java SSL/TLS stack written from scratch.",
        subcommands = {ClientCommand.class, ServerCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
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
        return run(System.in, System.out, System.err, args);
    }

    /** Runs the command with the given standard streams (for in-process tests of client and server). */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        Io io = new Io(in, out, err);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ClientCommand.class) {
                    return cls.cast(new ClientCommand(io));
                }
                if (cls == ServerCommand.class) {
                    return cls.cast(new ServerCommand(io));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cl = new CommandLine(new Main(), factory);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(args);
    }
}
