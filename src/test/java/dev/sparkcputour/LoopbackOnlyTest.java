package dev.sparkcputour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule of the suite: tests, scripts and configuration talk only to this machine. No file of
 * theirs names an IPv4 address outside 127.0.0.0/8, or a URL of a connecting scheme whose host
 * is not loopback (or a placeholder such as HOST), so nothing a build runs can reach another
 * machine by accident. The code itself names no address either.
 */
class LoopbackOnlyTest {

    private static final List<Path> CHECKED = List.of(Path.of("src"), Path.of("submit-scripts"), Path.of("conf"),
            Path.of(".ci"));
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w.])");
    private static final Pattern URL_HOST = Pattern.compile(
            "\\b(?:spark|https?|k8s|hdfs|s3a?|wss?|ftp)://(?:https?://)?([^/:\\s\"'`<>,)]+)");
    /** A pattern that reads a URL (e.g. the UI address a driver prints), not a host to reach. */
    private static final Pattern REGEX = Pattern.compile("[\\[(*+?|^]");
    /** Loopback, or a name written in capitals: a placeholder for the user's own host, never a real one. */
    private static final Pattern ALLOWED_HOST = Pattern.compile("127(\\.\\d{1,3}){3}|localhost|[A-Z_]+|\\$\\{?\\w+}?");

    @Test
    void noTestScriptOrConfigurationNamesAnotherMachine() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : CHECKED) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(LoopbackOnlyTest::isText).toList()) {
                    scan(file, found);
                }
            }
        }
        assertEquals(List.of(), found, "addresses outside 127.0.0.0/8");
    }

    @Test
    void theRuleCatchesWhatItIsFor() {
        // the addresses it must catch are put together here, so this file names none itself
        String documentation = String.join(".", "192", "0", "2", "1");
        String privateNet = String.join(".", "10", "0", "0", "5");
        List<String> found = new ArrayList<>();
        scanText("x", String.join("\n", "spark://" + documentation + ":7077", "curl http://" + privateNet + "/x",
                "k8s" + "://https://" + String.join(".", "api", "example") + ":6443",
                "ok: spark://127.0.0.1:7077 http://localhost:8080 k8s://https://HOST:PORT bogus://x http://[^\\s]+"
                        + " version " + String.join(".", "1", "2", "3", "4", "5")), true, found);
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).contains(documentation), found.toString());
    }

    /** The code's own URLs are patterns and placeholders (MasterUrl's); its addresses are still checked. */
    private static void scan(Path file, List<String> found) throws IOException {
        scanText(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1), !file.startsWith("src/main"), found);
    }

    private static void scanText(String name, String text, boolean urls, List<String> found) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher ip = IPV4.matcher(lines[i]);
            while (ip.find()) {
                if (isAddress(ip) && !ip.group(1).equals("127")) {
                    found.add(name + ":" + (i + 1) + ": " + ip.group());
                }
            }
            Matcher url = URL_HOST.matcher(lines[i]);
            while (urls && url.find()) {
                String host = url.group(1).replace("\\", ""); // a host in a regular expression: 127\\.0\\.0\\.1
                if (!ALLOWED_HOST.matcher(host).matches() && !IPV4.matcher(host).matches() && !REGEX.matcher(host).find()) {
                    found.add(name + ":" + (i + 1) + ": " + url.group());
                }
            }
        }
    }

    private static boolean isAddress(Matcher ip) {
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(ip.group(g)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Sources, scripts and text resources; not the binary .npy and PNG fixtures. */
    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return !(name.endsWith(".npy") || name.endsWith(".png") || name.endsWith(".jpg"));
    }
}
