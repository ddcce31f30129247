package dev.sparkcputour.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the running application was built from: the project's version (the jar's manifest, else
 * the build's git.properties when run from classes) and the git commit, "-dirty" if modified.
 */
public record BuildInfo(String version, String commit) {

    static final String UNKNOWN = "unknown";

    /** This application's build. */
    public static BuildInfo current() {
        Properties git = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/sparkcputour/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // unknown, then
        }
        String manifest = BuildInfo.class.getPackage().getImplementationVersion();
        String version = manifest != null ? manifest : git.getProperty("git.build.version", UNKNOWN);
        String id = git.getProperty("git.commit.id", UNKNOWN);
        return new BuildInfo(version, "true".equals(git.getProperty("git.dirty")) ? id + "-dirty" : id);
    }
}
