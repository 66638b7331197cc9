package org.tls4j.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tls4j} command: {@code client} (like {@code openssl s_client}, with a readable or JSON
 * trace of the handshake), {@code server} (like {@code openssl s_server}: echo or {@code --http}) and
 * {@code demo} (an in-process TLS 1.3 handshake, traced). Exit codes: 0 success, 1 a connection or
 * handshake failed (the reason in plain words on stderr), 2 bad arguments.
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
        return run(in, out, err, System.getenv(), args);
    }

    /** Runs the command with the given standard streams and environment (SSLKEYLOGFILE). */
    public static int run(InputStream in, PrintStream out, PrintStream err, java.util.Map<String, String> env,
            String... args) {
        Io io = new Io(in, out, err, env);
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
