package dev.paved.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code paved --version}: the version baked into the jar's manifest by the build. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"paved " + number(), "Java ${java.version} (${java.vendor})"};
    }

    /** The version number, or {@code development build} when not run from a built jar. */
    static String number() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
