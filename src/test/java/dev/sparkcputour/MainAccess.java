package dev.sparkcputour;

/** Lets tests in other packages reach {@link Main}'s package-private failure formatting. */
public final class MainAccess {

    private MainAccess() {
    }

    public static String describe(Throwable failure) {
        return Main.describe(failure);
    }
}
