package dev.sparkcputour.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result file is written whole or not at all, and with the permissions any new file of the user gets. */
class AtomicFilesTest {

    @Test
    void anInterruptedWriteLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("results.json");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("{\"machine\": ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", thrown.getMessage());
        assertFalse(Files.exists(target), "no half-written target");
        assertEquals(List.of(), names(dir), "no .part leftovers");
    }

    @Test
    void aFailedWriteKeepsTheOldContent(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("results.csv"), "old\n");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("new, but only half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("results.csv"), names(dir), "no .part leftovers");
    }

    @Test
    void aRuntimeFailureInTheBodyAlsoLeavesNothing(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("chart.png"), "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("chart library failed");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("chart.png"), names(dir));
    }

    @Test
    void aSuccessfulWriteReplacesTheFile(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("results.csv"), "old content, longer than the new one\n");
        AtomicFiles.write(target, out -> out.write("new\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("results.csv"), names(dir), "no .part leftovers");
    }

    @Test
    void createsMissingFolders(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/results.json");
        AtomicFiles.write(target, out -> out.write('x'));
        assertEquals("x", Files.readString(target));
        assertEquals(List.of("results.json"), names(target.getParent()));
    }

    @Test
    void permissionsAreTheUsersDefaultNotForcedTo0600(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written");
        AtomicFiles.write(written, out -> out.write('x'));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
