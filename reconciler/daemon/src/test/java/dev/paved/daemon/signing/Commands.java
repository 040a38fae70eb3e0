package dev.paved.daemon.signing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real tools the signing tests need ({@code ssh-keygen}, {@code git}, {@code gpg}). */
public final class Commands {

    private Commands() {
    }

    /** Runs a command (ssh-keygen, git, gpg); returns its output; fails the test when it fails. */
    public static String run(List<String> command) throws IOException {
        return run(command, null, Map.of());
    }

    public static String run(List<String> command, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is needed by this test (scripts/test installs it): "
                    + e.getMessage(), e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
