package dev.paved.policy.output;

import java.nio.file.Path;

/**
 * What a renderer needs to know of where it runs.
 *
 * @param colour           ANSI colours in the stdout format (Conftest colours unless {@code --no-color})
 * @param workingDirectory absolute; a policy's {@code _loc} file is shown relative to it in the github format
 */
public record RenderOptions(boolean colour, Path workingDirectory) {

    /** Colour on, relative to the process's working directory. */
    public static RenderOptions defaults() {
        return new RenderOptions(true, Path.of("").toAbsolutePath());
    }

    public RenderOptions withColour(boolean colour) {
        return new RenderOptions(colour, workingDirectory);
    }
}
