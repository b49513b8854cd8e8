package org.amamo.methodology.cli;

/** The uncertainty command. */
final class UncertaintyCommand {

    private UncertaintyCommand() {
    }

    static int run(MethodologyCli.Invocation invocation) {
        return MethodologyCli.usage(invocation.stderr, "uncertainty is not available yet");
    }
}
