package org.amamo.methodology.cli;

/** The commands beyond calculate; each returns an exit code. */
final class Commands {

    private Commands() {
    }

    static int uncertainty(MethodologyCli.Invocation invocation) {
        return MethodologyCli.usage(invocation.stderr, "uncertainty is not available yet");
    }

    static int area(MethodologyCli.Invocation invocation) {
        return MethodologyCli.usage(invocation.stderr, "area is not available yet");
    }

    static int importTrack(MethodologyCli.Invocation invocation) {
        return MethodologyCli.usage(invocation.stderr, "import is not available yet");
    }

    static int overlap(MethodologyCli.Invocation invocation) {
        return MethodologyCli.usage(invocation.stderr, "overlap is not available yet");
    }
}
