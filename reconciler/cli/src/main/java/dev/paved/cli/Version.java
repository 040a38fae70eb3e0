package dev.paved.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code paved --version}: the version baked into the jar's manifest by the build. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"paved " + (version == null ? "development build" : version),
                "Java ${java.version} (${java.vendor})"};
    }
}
