package org.amamo.testing;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Instant;

/** Computes TOTP codes as an authenticator app does (RFC 6238: SHA-1, six digits, 30-second steps). */
public final class TestTotp {

    /** The demo staff accounts' secret, as the README gives it. */
    public static final String DEMO_SECRET = "AMAMODEMOAMAMODEMOAMAMODEMOAMAMO";

    private TestTotp() {}

    public static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    public static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalArgumentException("not a Base32 secret: " + secret, e);
        }
    }

    public static String code(String secret) {
        return code(secret, currentStep());
    }
}
