package org.hybridta.examples.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.hybridta.source.CachingQuoteSource;
import org.hybridta.source.QuoteSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --cache} and {@code --no-cache} options of {@code run}: fetched bars kept on disk, so that a
 * repeated run asks the source only for what it does not have yet. A network source (yahoo) is cached by
 * default, in {@link #defaultDirectory}; the local ones only when {@code --cache} asks for it.
 */
final class CacheChoice {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep fetched bars in DIR; a later run asks the source only for what is not there yet. "
                    + "Default for yahoo: $XDG_CACHE_HOME/hybridta, else ~/.cache/hybridta; other sources are not cached unless given.")
    private Path cache;

    @Option(names = "--no-cache", description = "Do not cache, not even yahoo's answers: every bar is fetched again.")
    private boolean noCache;

    /**
     * {@code source} wrapped in the cache asked for, or as it is.
     *
     * @param network whether the source fetches over the network, and is therefore cached by default
     * @throws ParameterException when both options are given
     * @throws CliException       when a {@code --cache} directory cannot be created
     */
    QuoteSource wrap(QuoteSource source, boolean network) {
        try {
            check();
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        if (noCache) return source;
        if (cache != null) return CachingQuoteSource.wrap(source, cache);
        if (!network) return source;
        Path dir = defaultDirectory(System.getenv(), System.getProperty("user.home"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            // a cache is an optimisation: without one, the run still works (one warning, not one per symbol)
            LoggerFactory.getLogger(CacheChoice.class).warn("not caching: cannot create the cache directory {} ({}); "
                    + "give --cache DIR, or --no-cache", dir, Failures.describe(e));
            return source;
        }
        return CachingQuoteSource.wrap(source, dir);
    }

    /**
     * Checks the options, before anything is fetched: not both, and a {@code --cache} directory that exists or
     * can be created.
     */
    void check() {
        if (noCache && cache != null) throw new ParameterException(mixee.commandLine(), "--cache and --no-cache exclude each other");
        if (cache == null) return;
        try {
            Files.createDirectories(cache);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(HybridTa.FAILED, "--cache " + cache + ": " + e.getFile() + " is a file, not a directory", e);
        } catch (IOException e) {
            throw new CliException(HybridTa.FAILED, "--cache " + cache + ": cannot create it: " + Failures.describe(e), e);
        }
    }

    /**
     * The default cache directory: {@code $XDG_CACHE_HOME/hybridta} when that variable holds an absolute path
     * (the XDG base-directory rule: relative ones are ignored), else {@code ~/.cache/hybridta}.
     */
    static Path defaultDirectory(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            try {
                Path p = Path.of(xdg);
                if (p.isAbsolute()) return p.resolve("hybridta");
            } catch (InvalidPathException e) {
                // ignored, as a relative one is
            }
        }
        return Path.of(userHome, ".cache", "hybridta");
    }
}
