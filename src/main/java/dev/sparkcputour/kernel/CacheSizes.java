package dev.sparkcputour.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The L1 data and L2 cache sizes of the first CPU, read from Linux's sysfs; elsewhere (macOS,
 * containers that hide sysfs) the common 32 KiB and 256 KiB.
 */
record CacheSizes(int l1DataBytes, int l2Bytes) {

    static final CacheSizes DEFAULT = new CacheSizes(32 * 1024, 256 * 1024);

    private static final Path CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");

    /** This machine's sizes, each falling back to its default when unreadable or implausible. */
    static CacheSizes ofThisMachine() {
        int l1 = 0;
        int l2 = 0;
        for (int i = 0; i < 8; i++) {
            Path index = CACHES.resolve("index" + i);
            try {
                int level = Integer.parseInt(read(index.resolve("level")));
                String type = read(index.resolve("type"));
                int size = parseSize(read(index.resolve("size")));
                if (level == 1 && type.equals("Data")) {
                    l1 = size;
                } else if (level == 2 && !type.equals("Instruction")) {
                    l2 = size;
                }
            } catch (IOException | RuntimeException e) {
                // no such index (or no sysfs): keep what was found
            }
        }
        return new CacheSizes(plausible(l1, 8 * 1024, 1 << 20) ? l1 : DEFAULT.l1DataBytes,
            plausible(l2, 64 * 1024, 64 << 20) ? l2 : DEFAULT.l2Bytes);
    }

    /** Parses sysfs' "32K", "1024K", "2M" or a plain byte count. */
    static int parseSize(String text) {
        String s = text.trim().toUpperCase(java.util.Locale.ROOT);
        int unit = 1;
        if (s.endsWith("K")) {
            unit = 1 << 10;
        } else if (s.endsWith("M")) {
            unit = 1 << 20;
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        return Math.multiplyExact(Integer.parseInt(digits), unit);
    }

    private static boolean plausible(int size, int min, int max) {
        return size >= min && size <= max;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).trim();
    }
}
