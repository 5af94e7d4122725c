package org.hybridta.mpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hybridta.mpi.internal.Transport;

/**
 * Finds and loads Open MPI's Java bindings: the {@code mpi.*} classes (from the class path: hybridta-mpi
 * depends on {@code org.open-mpi:mpi}) and their native half {@code libmpi_java.so} (from the machine's Open MPI).
 *
 * <p>The bindings load their library with {@code System.loadLibrary("mpi_java")}, which looks for exactly
 * {@code libmpi_java.so} in {@code java.library.path} only. Debian and Ubuntu install just
 * {@code /usr/lib/<arch>/libmpi_java.so.40} (the unversioned name comes with the -dev package), Fedora puts it
 * under {@code /usr/lib64/openmpi/lib}, and Java ignores a change of {@code java.library.path} after start-up.
 * So the bindings are loaded by a class loader of our own whose {@link ClassLoader#findLibrary} answers with the
 * file found here — {@code System.loadLibrary} asks the caller's class loader first. Nothing is asked of the user.
 */
final class Bindings {
    static final String LIBRARY_PROPERTY = "hybridta.mpi.library";
    static final String LIBRARY_ENV = "HYBRIDTA_MPI_LIBRARY";
    private static final String IMPLEMENTATION = "org.hybridta.mpi.internal.OpenMpiTransport";
    private static final String FIX = "run scripts/setup.sh (Debian/Ubuntu), or see docs/mpi.md";

    private static ClassLoader loader;   // one per JVM: a native library can be loaded by one class loader only

    private Bindings() {}

    /** Fails unless this process was started by mpirun (or another PMIx/PMI launcher such as srun). */
    static void requireLauncher(Map<String, String> env) {
        for (String name : List.of("OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK")) {
            if (env.containsKey(name)) return;
        }
        throw new MpiException("not started by mpirun: run as 'mpirun -np N java …' (no OMPI_COMM_WORLD_SIZE,"
                + " PMIX_RANK or PMI_RANK in the environment); for one process use the local partitioner");
    }

    /** Loads the bindings through their own class loader and initializes MPI. */
    static synchronized Transport start() {
        if (loader == null) {
            ClassLoader app = Bindings.class.getClassLoader();
            if (app.getResource("mpi/MPI.class") == null) throw missingClasses(new ClassNotFoundException("mpi.MPI"));
            loader = new BindingsClassLoader(app, locateLibrary());
        }
        try {
            Class<?> implementation = Class.forName(IMPLEMENTATION, true, loader);
            return (Transport) implementation.getMethod("start").invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof UnsatisfiedLinkError u) {
                throw new MpiException("Open MPI's Java library could not be loaded: " + u.getMessage() + "; " + FIX, u);
            }
            if (cause instanceof NoClassDefFoundError n) throw missingClasses(n);
            if (cause instanceof Error err) throw err;
            throw new MpiException("starting MPI failed: " + cause, cause);
        } catch (NoClassDefFoundError | ClassNotFoundException e) {
            throw missingClasses(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("hybridta-mpi is broken: " + IMPLEMENTATION + ".start() unusable", e);
        }
    }

    private static MpiException missingClasses(Throwable e) {
        return new MpiException("Open MPI's Java bindings (mpi.jar, class mpi.MPI) are not on the class path: depend on"
                + " org.open-mpi:mpi, which scripts/setup.sh builds and installs into ~/.m2 (" + e.getMessage() + ")", e);
    }

    /** The libmpi_java file to load: {@code -Dhybridta.mpi.library}, {@code $HYBRIDTA_MPI_LIBRARY}, else a search. */
    static Path locateLibrary() {
        String explicit = Optional.ofNullable(System.getProperty(LIBRARY_PROPERTY)).orElse(System.getenv(LIBRARY_ENV));
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (Files.isRegularFile(p)) return p.toAbsolutePath();
            throw new MpiException(LIBRARY_PROPERTY + "/" + LIBRARY_ENV + " names " + explicit + ", which is not a file");
        }
        List<Path> dirs = searchPath(System.getProperty("java.library.path", ""), System.getenv(), System.getProperty("os.arch", ""));
        return find(dirs).orElseThrow(() -> new MpiException("Open MPI's Java library " + System.mapLibraryName("mpi_java")
                + "* was not found in " + dirs + "; install Open MPI with Java bindings (" + FIX + "), or name the file"
                + " with -D" + LIBRARY_PROPERTY + "=/path/to/libmpi_java.so"));
    }

    /** The first directory of {@code dirs} holding {@code libmpi_java.so}, or else a versioned {@code libmpi_java.so.N}. */
    static Optional<Path> find(List<Path> dirs) {
        String name = System.mapLibraryName("mpi_java");
        for (Path dir : dirs) {
            Path exact = dir.resolve(name);
            if (Files.isRegularFile(exact)) return Optional.of(exact.toAbsolutePath());
            List<Path> versioned = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, name + ".*")) {
                for (Path p : s) if (Files.isRegularFile(p)) versioned.add(p);
            } catch (IOException | UncheckedIOException | SecurityException e) {
                continue;   // unreadable or missing directory: look further
            }
            // the shortest name is the SONAME link (libmpi_java.so.40), which the distribution keeps current
            versioned.sort((a, b) -> Integer.compare(a.getFileName().toString().length(), b.getFileName().toString().length()));
            if (!versioned.isEmpty()) return Optional.of(versioned.get(0).toAbsolutePath());
        }
        return Optional.empty();
    }

    /**
     * Where to look, in order: {@code java.library.path} (which includes {@code LD_LIBRARY_PATH}), the {@code lib}
     * directories next to the {@code mpirun} on {@code PATH} and under {@code $OPAL_PREFIX}/{@code $MPI_HOME},
     * then the places distributions use.
     */
    static List<Path> searchPath(String javaLibraryPath, Map<String, String> env, String osArch) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (String d : javaLibraryPath.split(java.io.File.pathSeparator)) if (!d.isBlank()) dirs.add(Path.of(d));
        String path = env.getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (d.isBlank()) continue;
            Path mpirun = Path.of(d, "mpirun");
            if (!Files.isExecutable(mpirun)) continue;
            try {
                Path bin = mpirun.toRealPath().getParent();
                Path prefix = bin == null ? null : bin.getParent();
                if (prefix != null) {
                    dirs.add(prefix.resolve("lib"));
                    dirs.add(prefix.resolve("lib64"));
                }
            } catch (IOException e) {
                // a dangling link: nothing to learn from it
            }
            break;
        }
        for (String var : List.of("OPAL_PREFIX", "MPI_HOME")) {
            String prefix = env.get(var);
            if (prefix != null && !prefix.isBlank()) {
                dirs.add(Path.of(prefix, "lib"));
                dirs.add(Path.of(prefix, "lib64"));
            }
        }
        String triplet = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            default -> null;
        };
        if (triplet != null) {
            dirs.add(Path.of("/usr/lib", triplet));                    // Debian, Ubuntu: libmpi_java.so.40
            dirs.add(Path.of("/usr/lib", triplet, "openmpi", "lib"));  // their -dev package: libmpi_java.so
        }
        for (String d : List.of("/usr/lib64/openmpi/lib", "/usr/lib/openmpi/lib", "/usr/local/lib", "/opt/openmpi/lib",
                "/usr/lib64", "/usr/lib")) {
            dirs.add(Path.of(d));
        }
        return List.copyOf(dirs);
    }

    /**
     * Loads {@code mpi.*} and hybridta's bridge to them itself (child first), from the bytes its parent finds,
     * and resolves {@code System.loadLibrary("mpi_java")} of those classes to {@link #library}. Everything else
     * comes from the parent, so the bridge's interfaces and HybridTA's types are the application's own.
     */
    static final class BindingsClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Path library;

        BindingsClassLoader(ClassLoader parent, Path library) {
            super("hybridta-openmpi-bindings", parent);
            this.library = library;
        }

        static boolean isolated(String className) {
            return className.startsWith("mpi.") || className.startsWith("org.hybridta.mpi.internal.OpenMpi");
        }

        @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!isolated(name)) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) c = findClass(name);
                if (resolve) resolveClass(c);
                return c;
            }
        }

        @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
            URL url = getParent().getResource(name.replace('.', '/') + ".class");
            if (url == null) throw new ClassNotFoundException(name);
            try (InputStream in = url.openStream()) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name + ": cannot read " + url, e);
            }
        }

        @Override protected String findLibrary(String libname) {
            return "mpi_java".equals(libname) ? library.toString() : null;
        }
    }
}
