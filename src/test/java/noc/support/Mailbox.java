package noc.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server in the test JVM (GreenMail) on 127.0.0.1, and the emails it received. */
public final class Mailbox implements AutoCloseable {

    private final GreenMail smtp;

    /** On a free port. */
    public Mailbox() {
        this(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    /** On {@code port}. */
    public Mailbox(int port) {
        this(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private Mailbox(ServerSetup setup) {
        smtp = new GreenMail(setup);
        smtp.start();
    }

    public int port() {
        return smtp.getSmtp().getPort();
    }

    /** Waits, for at most 20 s, for an email to {@code to} whose subject has {@code subject}. */
    public MimeMessage await(String to, String subject) throws MessagingException, InterruptedException {
        return await(to, subject, 1).get(0);
    }

    /**
     * Waits, for at most 20 s, for {@code count} emails to {@code to} whose subject has {@code subject};
     * returns them in the order received.
     */
    public List<MimeMessage> await(String to, String subject, int count) throws MessagingException,
            InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> matching = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                boolean addressed = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(to));
                if (addressed && message.getSubject().contains(subject)) {
                    matching.add(message);
                }
            }
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(50);
        }
        List<String> seen = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            seen.add(Arrays.toString(message.getAllRecipients()) + " " + message.getSubject());
        }
        throw new AssertionError("not " + count + " emails to " + to + " with '" + subject + "'; received: " + seen);
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
