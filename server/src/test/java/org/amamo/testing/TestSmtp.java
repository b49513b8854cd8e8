package org.amamo.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded SMTP server (GreenMail, on a free port) for the whole test run. A test class that wants its mail sent
 * rather than only kept in the outbox adds {@link #configure} to a {@code @DynamicPropertySource} method; all such
 * classes share one application context.
 */
public final class TestSmtp {

    public static final GreenMail SERVER = start();

    private TestSmtp() {}

    private static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SERVER.getSmtp().getPort());
        registry.add("amamo.mail.retry-delay-ms", () -> "500");
    }

    /** The messages received for {@code recipient}, waiting up to ten seconds for at least {@code count}. */
    public static List<MimeMessage> awaitFor(String recipient, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<MimeMessage> received = Arrays.stream(SERVER.getReceivedMessages())
                    .filter(message -> to(message).equalsIgnoreCase(recipient))
                    .toList();
            if (received.size() >= count || System.currentTimeMillis() > deadline) {
                return received;
            }
            Thread.sleep(100);
        }
    }

    /** A message's text, decoded. */
    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
