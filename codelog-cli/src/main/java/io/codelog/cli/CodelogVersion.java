package io.codelog.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the jar the command runs from. */
final class CodelogVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CodelogVersion.class.getPackage().getImplementationVersion();
        return new String[] {"codelog " + (version == null ? "(development build)" : version)};
    }
}
