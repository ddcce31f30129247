package dev.sparkcputour.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files and folders are written whole or not at all, never over anything, with the permissions any new file of the user gets. */
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
    void aFailedWriteLeavesNeitherTargetNorTemporary(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("results.csv");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("new, but only half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals(List.of(), names(dir), "neither the target nor a .part leftover");
    }

    @Test
    void aRuntimeFailureInTheBodyAlsoLeavesNothing(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("chart.png");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("chart library failed");
        }));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void anExistingFileIsNeverOverwritten(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("results.csv"), "someone else's\n");
        FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFiles.write(target, out -> out.write("new\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused.getMessage().contains("not overwritten"), refused.getMessage());
        assertEquals("someone else's\n", Files.readString(target));
        assertEquals(List.of("results.csv"), names(dir), "no .part leftovers");
    }

    @Test
    void aFolderAppearsWholeWithAllItsFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("results");
        AtomicFiles.writeFolder(target, staging -> {
            assertFalse(Files.exists(target), "nothing visible while the folder is written");
            AtomicFiles.write(staging.resolve("a.json"), out -> out.write('a'));
            AtomicFiles.write(staging.resolve("b.csv"), out -> out.write('b'));
        });
        assertEquals(List.of("a.json", "b.csv"), names(target));
        assertEquals(List.of("results"), names(dir), "no staging folder left");
    }

    @Test
    void aFailedFolderLeavesNothingAndAnEmptyTargetIsFilled(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThrows(IOException.class, () -> AtomicFiles.writeFolder(empty, staging -> {
            AtomicFiles.write(staging.resolve("a.json"), out -> out.write('a'));
            throw new IOException("chart failed");
        }));
        assertEquals(List.of("empty"), names(dir), "no staging folder left");
        assertEquals(List.of(), names(empty));
        AtomicFiles.writeFolder(empty, staging -> AtomicFiles.write(staging.resolve("a.json"), out -> out.write('a')));
        assertEquals(List.of("a.json"), names(empty));
    }

    @Test
    void aFolderWithAnythingInItIsNeverReplaced(@TempDir Path dir) throws IOException {
        Path taken = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.writeFolder(taken,
                staging -> AtomicFiles.write(staging.resolve("a.json"), out -> out.write('a'))));
        assertEquals(List.of("notes.txt"), names(taken));
        assertEquals(List.of("taken"), names(dir));
    }

    @Test
    void runsInTheSameSecondGetNumberedFolders(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("20261125-101500");
        List<Path> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Thread> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int run = i;
            Thread thread = new Thread(() -> {
                try {
                    written.add(AtomicFiles.writeNewFolder(base,
                            staging -> AtomicFiles.write(staging.resolve("run.txt"), out -> out.write('0' + run))));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            thread.start();
            runs.add(thread);
        }
        for (Thread t : runs) {
            t.join();
        }
        assertEquals(List.of("20261125-101500", "20261125-101500-2", "20261125-101500-3", "20261125-101500-4"), names(dir));
        assertEquals(4, written.stream().distinct().count());
        Set<String> contents = new java.util.HashSet<>();
        for (Path folder : written) {
            contents.add(Files.readString(folder.resolve("run.txt")));
        }
        assertEquals(Set.of("0", "1", "2", "3"), contents, "every run kept its own file");
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
