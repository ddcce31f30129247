package dev.sparkcputour.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets a process listens on, from Linux's /proc: its socket inodes, found in /proc/net/tcp{,6}. */
public final class ListeningSockets {

    /** One listening socket: its local address as /proc/net writes it (hex, bytes reversed) and its port. */
    public record Socket(String hexAddress, int port) {

        /** 127.0.0.1, ::ffff:127.0.0.1 or ::1. */
        public boolean isLoopback() {
            return hexAddress.equals("0100007F") || hexAddress.equals("0000000000000000FFFF00000100007F")
                    || hexAddress.equals("00000000000000000000000001000000");
        }

        @Override
        public String toString() {
            return (hexAddress.length() == 8 ? ipv4(hexAddress)
                    : hexAddress.startsWith("0000000000000000FFFF0000") ? "::ffff:" + ipv4(hexAddress.substring(24))
                    : hexAddress) + ":" + port;
        }

        private static String ipv4(String hex) {
            return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                    + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
        }
    }

    private ListeningSockets() {
    }

    /** Every socket {@code pid} listens on. */
    public static List<Socket> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closed) {
                    // the descriptor closed while we looked
                }
            }
        }
        List<Socket> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A") && inodes.contains(fields[9])) { // 0A: LISTEN
                    String[] address = fields[1].split(":");
                    out.add(new Socket(address[0], Integer.parseInt(address[1], 16)));
                }
            }
        }
        return out;
    }
}
