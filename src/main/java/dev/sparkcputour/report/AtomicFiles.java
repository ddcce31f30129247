package dev.sparkcputour.report;

import dev.sparkcputour.results.Report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes files and folders whole or not at all, and never over anything that exists: each is
 * written under a hidden temporary name next to its target and then linked or renamed into
 * place. A JVM shutting down (Ctrl-C) waits for a write in progress to finish and starts no
 * new one, so no temporary file or half-written result is left behind.
 */
public final class AtomicFiles {

    /** What goes into a file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What goes into a folder: files written (with {@link #write}) into the given staging folder. */
    @FunctionalInterface
    public interface FolderBody {
        void writeInto(Path staging) throws IOException;
    }

    private static final Object WRITING = new Object();
    private static boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (WRITING) { // waits for a write in progress: it completes or removes its temporary
                shuttingDown = true;
            }
        }, "atomic-files-shutdown"));
    }

    private AtomicFiles() {
    }

    /** Writes {@code report} in {@code format} to the new file {@code target}. */
    public static void write(Path target, ResultFormat format, Report report) throws IOException {
        write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            format.writeOut(report, writer);
            writer.flush();
        });
    }

    /**
     * Writes {@code body} to {@code target}, which must not exist yet; missing parent folders are created.
     *
     * @throws FileAlreadyExistsException if {@code target} exists: nothing is overwritten
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        synchronized (WRITING) {
            refuseDuringShutdown(absolute);
            Files.createDirectories(absolute.getParent());
            Path temp = temporarySibling(absolute, false);
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    body.writeTo(out);
                }
                publishFile(temp, absolute);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Writes a folder's files into a hidden staging folder and renames it to {@code target}, which
     * must not exist or be empty: readers see all the files or none.
     *
     * @throws FileAlreadyExistsException if {@code target} holds anything: nothing is overwritten
     */
    public static void writeFolder(Path target, FolderBody body) throws IOException {
        Path absolute = target.toAbsolutePath();
        synchronized (WRITING) {
            refuseDuringShutdown(absolute);
            Files.createDirectories(absolute.getParent());
            Path staging = temporarySibling(absolute, true);
            try {
                body.writeInto(staging);
                try {
                    // rename(2) replaces only an empty folder; anything else fails and is kept
                    Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileSystemException e) { // ENOTEMPTY comes as a plain FileSystemException
                    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                        throw new FileAlreadyExistsException(target + " is not empty; nothing there was overwritten");
                    }
                    throw e;
                }
            } finally {
                deleteTree(staging);
            }
        }
    }

    /**
     * Writes a folder as {@link #writeFolder} does, to {@code base} or, if a run at the same time
     * took that name, to {@code base-2}, {@code base-3}, ...; returns the folder written.
     */
    public static Path writeNewFolder(Path base, FolderBody body) throws IOException {
        for (int i = 1; ; i++) {
            Path folder = i == 1 ? base : base.resolveSibling(base.getFileName() + "-" + i);
            if (Files.exists(folder)) {
                continue;
            }
            try {
                writeFolder(folder, body);
                return folder;
            } catch (FileAlreadyExistsException taken) {
                // another run won the name between the check and the rename
            }
        }
    }

    /** A hard link cannot replace an existing file, so two runs cannot overwrite each other's results. */
    private static void publishFile(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target + " already exists; it was not overwritten");
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            Files.move(temp, target); // without REPLACE_EXISTING: fails if the target appeared
        }
    }

    private static void refuseDuringShutdown(Path target) throws IOException {
        if (shuttingDown) {
            throw new IOException("shutting down: " + target + " was not written");
        }
    }

    /** A new hidden file or folder next to {@code target}, created with the user's umask (createTempFile would force 0600). */
    private static Path temporarySibling(Path target, boolean folder) throws IOException {
        while (true) {
            String name = "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part";
            Path sibling = target.resolveSibling(name);
            try {
                return folder ? Files.createDirectory(sibling) : Files.createFile(sibling);
            } catch (FileAlreadyExistsException taken) {
                // another name, then
            }
        }
    }

    /** Removes a staging folder this class created; after a successful rename there is nothing left to remove. */
    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
