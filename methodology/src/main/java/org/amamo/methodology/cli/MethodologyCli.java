package org.amamo.methodology.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.calculation.SheetJson;

/**
 * The command-line contract of methodology.md section 6. Result on stdout and exit 0; invalid input:
 * exit 2, nothing on stdout, one line per error on stderr; a usage error: exit 64 with the usage on stderr.
 * {@code -} as the file reads stdin.
 */
public final class MethodologyCli {

    /** The command succeeded. */
    public static final int EXIT_OK = 0;
    /** The input was invalid or unreadable. */
    public static final int EXIT_INVALID_INPUT = 2;
    /** The command line was wrong (sysexits EX_USAGE). */
    public static final int EXIT_USAGE = 64;
    /** Input files larger than this are refused. */
    public static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

    static final String USAGE = String.join(
            "\n",
            "usage: java -jar amamo-methodology.jar COMMAND FILE",
            "  calculate SHEET.json                 calculate a sheet; result JSON on stdout",
            "  uncertainty SHEET.json [--samples N] [--seed S]",
            "                                       result JSON with a Monte Carlo uncertainty band",
            "  area SITE.geojson                    geodesic area of a site in hectares",
            "  import TRACK.gpx|TRACK.kml           closed survey track as a GeoJSON polygon",
            "  overlap NEW.geojson SITES.geojson    existing sites (a FeatureCollection with ids) overlapped",
            "FILE may be - to read stdin. Exit 0: success; 2: invalid input; 64: usage error.",
            "");

    private MethodologyCli() {}

    /**
     * Runs the CLI in this process and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err));
    }

    /**
     * Runs one command; testable without a subprocess.
     *
     * @param args   the command line
     * @param stdin  standard input, read when a file is {@code -}
     * @param stdout receives the result
     * @param stderr receives errors and usage
     * @return the exit code
     */
    public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        if (args.length == 0) {
            return usage(stderr, "no command given");
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            stdout.print(USAGE);
            return EXIT_OK;
        }
        Invocation invocation = new Invocation(Arrays.asList(args).subList(1, args.length), stdin, stdout, stderr);
        return switch (args[0]) {
            case "calculate" -> invocation.calculate();
            case "uncertainty" -> invocation.uncertainty();
            case "area" -> invocation.area();
            case "import" -> invocation.importTrack();
            case "overlap" -> invocation.overlap();
            default -> usage(stderr, "unknown command \"" + args[0] + "\"");
        };
    }

    static int usage(PrintStream stderr, String problem) {
        stderr.println("error: " + problem);
        stderr.print(USAGE);
        return EXIT_USAGE;
    }

    /** One command with its arguments and streams. */
    static final class Invocation {
        final List<String> arguments;
        final InputStream stdin;
        final PrintStream stdout;
        final PrintStream stderr;

        Invocation(List<String> arguments, InputStream stdin, PrintStream stdout, PrintStream stderr) {
            this.arguments = arguments;
            this.stdin = stdin;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        int calculate() {
            if (arguments.size() != 1) {
                return usage(stderr, "calculate takes exactly one file (or -)");
            }
            return withInput(arguments.get(0), text -> {
                Verdict<CalculationResult> outcome = CreditCalculator.standard().calculate(text);
                return print(outcome.map(SheetJson::write));
            });
        }

        int uncertainty() {
            return Commands.uncertainty(this);
        }

        int area() {
            return Commands.area(this);
        }

        int importTrack() {
            return Commands.importTrack(this);
        }

        int overlap() {
            return Commands.overlap(this);
        }

        /** Prints an accepted text to stdout (exit 0) or the errors to stderr (exit 2). */
        int print(Verdict<String> outcome) {
            if (outcome instanceof Verdict.Accepted<String> accepted) {
                stdout.print(accepted.value());
                stdout.flush();
                return EXIT_OK;
            }
            return reject(outcome.errors());
        }

        int reject(List<FieldError> errors) {
            errors.forEach(error -> stderr.println(error.line()));
            stderr.flush();
            return EXIT_INVALID_INPUT;
        }

        int withInput(String file, InputHandler handler) {
            String text;
            try {
                text = read(file);
            } catch (IOException e) {
                return reject(List.of(
                        e instanceof NoSuchFileException
                                ? FieldError.of(file, "cli.file.not-found")
                                : FieldError.of(file, "cli.file.unreadable", reason(e))));
            }
            return handler.handle(text);
        }

        String read(String file) throws IOException {
            if (file.equals("-")) {
                return decode(stdin.readNBytes(MAX_INPUT_BYTES + 1));
            }
            Path path = Path.of(file);
            if (Files.size(path) > MAX_INPUT_BYTES) {
                throw new IOException("larger than " + MAX_INPUT_BYTES + " bytes");
            }
            return decode(Files.readAllBytes(path));
        }

        private static String decode(byte[] bytes) throws IOException {
            if (bytes.length > MAX_INPUT_BYTES) {
                throw new IOException("larger than " + MAX_INPUT_BYTES + " bytes");
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length);
            buffer.write(bytes, 0, bytes.length);
            String text = buffer.toString(StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        private static String reason(IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** Handles the text of an input file and returns the exit code. */
    @FunctionalInterface
    interface InputHandler {
        int handle(String text);
    }
}
