package org.hybridta.examples.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folders a run is about to create for its output, so that a run that fails (or is interrupted) removes those
 * it created and left empty — never a folder that existed before it, never one with anything in it.
 */
final class CreatedFolders {
    private final Path deepest;
    private final Path topmostNew;   // null when deepest existed

    private CreatedFolders(Path deepest, Path topmostNew) {
        this.deepest = deepest;
        this.topmostNew = topmostNew;
    }

    /** Notes which folders on the way to {@code folder} do not exist yet. Call before anything is created. */
    static CreatedFolders before(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        Path topmost = null;
        for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) topmost = p;
        return new CreatedFolders(abs, topmost);
    }

    /** Removes the folders noted as new that are empty now, deepest first; stops at the first one that is not. */
    void removeEmpty() {
        if (topmostNew == null) return;
        for (Path p = deepest; p != null && p.startsWith(topmostNew); p = p.getParent()) {
            try {
                Files.delete(p);
            } catch (NoSuchFileException e) {
                // never made, or removed already
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }
}
