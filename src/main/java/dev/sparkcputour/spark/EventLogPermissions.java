package dev.sparkcputour.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Spark sets its event logs to 0660 (folders 0770) whatever the user's umask; this gives one
 * application's log the permissions any new file of the user gets, so a private umask (077)
 * keeps the log private and a default one (022) leaves it readable like the results beside it.
 */
final class EventLogPermissions {

    private EventLogPermissions() {
    }

    /** Applies the user's default permissions to every file and folder of {@code app}'s log in {@code dir}. */
    static void applyUmask(Path dir, String app) throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return;
        }
        String probe = ".umask-probe-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Set<PosixFilePermission> filePermissions = defaultPermissions(Files.createFile(dir.resolve(probe)));
        Set<PosixFilePermission> folderPermissions = defaultPermissions(Files.createDirectory(dir.resolve(probe + "d")));
        List<Path> logs;
        try (Stream<Path> entries = Files.list(dir)) {
            logs = entries.filter(p -> p.getFileName().toString().contains(app)).toList();
        }
        for (Path log : logs) {
            try (Stream<Path> paths = Files.walk(log)) {
                for (Path p : paths.toList()) {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? folderPermissions : filePermissions);
                }
            }
        }
    }

    /** The permissions {@code fresh}, just created, got from the umask; then it is removed. */
    private static Set<PosixFilePermission> defaultPermissions(Path fresh) throws IOException {
        try {
            return Files.getPosixFilePermissions(fresh);
        } finally {
            Files.delete(fresh);
        }
    }
}
