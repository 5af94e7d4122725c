package org.hybridta.mpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code main} as they were typed after {@code mpirun … java …}.
 *
 * <p>Open MPI's {@code mpirun} rewrites the command line of a {@code java} program (Open MPI 4.1,
 * {@code orte/orted/orted_submit.c}): it takes the first argument after {@code java} that contains "cp" or
 * "classpath" for the class-path option, and rewrites the argument after that one as
 * {@code <working directory>:<argument>} (appending {@code <libdir>/mpi.jar} and {@code <libdir>/shmem.jar} too
 * where those exist). With {@code -cp}/{@code -classpath} first that is harmless; with {@code java -jar app.jar
 * … --backend cpu --from 2024-01-01} the program receives {@code /home/me:--from}. When the matching argument is
 * the last one, mpirun writes past the end of its argument list: the program gets an extra argument
 * {@code /home/me:(null)}, or mpirun crashes (seen: a segmentation fault in {@code opal_argv_join}) — so never end
 * such a command line with an argument containing "cp".
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     args = MpirunArguments.original(args);   // first thing: starts nothing, logs nothing
 *     …
 * }
 * }</pre>
 */
public final class MpirunArguments {
    private MpirunArguments() {}

    /**
     * {@code args} with mpirun's rewriting undone; outside Open MPI's mpirun, {@code args} as they are. Reads the
     * process's command line as executed ({@code /proc/self/cmdline}, through {@link ProcessHandle}) to find the
     * argument mpirun rewrote.
     */
    public static String[] original(String[] args) {
        List<String> commandLine = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        return repair(args, commandLine, System.getProperty("user.dir"), System.getenv());
    }

    /**
     * @param args        what {@code main} received
     * @param commandLine the process's arguments after the {@code java} executable, as executed (empty when unknown)
     * @param cwd         the working directory mpirun gave the process
     * @param env         the environment (only Open MPI's mpirun, which sets {@code OMPI_COMM_WORLD_SIZE}, rewrites)
     */
    static String[] repair(String[] args, List<String> commandLine, String cwd, Map<String, String> env) {
        if (!env.containsKey("OMPI_COMM_WORLD_SIZE") || args.length == 0) return args;
        List<String> line = commandLine;
        if (line.size() < args.length || !line.subList(line.size() - args.length, line.size()).equals(Arrays.asList(args))) {
            line = Arrays.asList(args);   // the real command line is unknown: assume the first match is among the arguments
        }
        int match = -1;
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).contains("cp") || line.get(i).contains("classpath")) {
                match = i;
                break;
            }
        }
        int rewritten = match < 0 ? -1 : match + 1 - (line.size() - args.length);   // its index in args
        if (rewritten < 0 || rewritten >= args.length || !args[rewritten].startsWith(cwd + ":")) return args;
        String original = args[rewritten].substring(cwd.length() + 1);
        List<String> repaired = new ArrayList<>(Arrays.asList(args));
        if (rewritten == args.length - 1 && original.equals("(null)")) {
            repaired.remove(rewritten);   // there was no argument after the match: mpirun made one up
        } else {
            repaired.set(rewritten, withoutJars(original, line));
        }
        return repaired.toArray(String[]::new);
    }

    /** Removes the {@code :<libdir>/mpi.jar} and {@code :<libdir>/shmem.jar} mpirun appends where they exist. */
    private static String withoutJars(String arg, List<String> line) {
        for (String option : line) {
            if (!option.startsWith("-Djava.library.path=")) continue;
            // mpirun puts its libdir into java.library.path, as the last entry
            String[] dirs = option.substring("-Djava.library.path=".length()).split(":");
            String libdir = dirs[dirs.length - 1];
            for (String jar : List.of("shmem.jar", "mpi.jar")) {
                String suffix = ":" + libdir + "/" + jar;
                if (arg.endsWith(suffix)) arg = arg.substring(0, arg.length() - suffix.length());
            }
        }
        return arg;
    }
}
