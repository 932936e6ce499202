package noc.support;

import java.time.Duration;
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
    public MimeMessage await(String to, String subject) {
        return await(to, subject, 1).get(0);
    }

    /**
     * Waits, for at most 20 s, for {@code count} emails to {@code to} whose subject has {@code subject};
     * returns them in the order received. The failure lists every email received.
     */
    public List<MimeMessage> await(String to, String subject, int count) {
        List<Email> received = Await.value(Duration.ofSeconds(20), count + " emails to " + to + " with '"
                + subject + "'", this::received, emails -> matching(emails, to, subject).size() >= count);
        return matching(received, to, subject).stream().map(Email::message).toList();
    }

    /** Every email received so far, in the order received. */
    public List<MimeMessage> messages() {
        return List.of(smtp.getReceivedMessages());
    }

    /**
     * An email's text as its reader sees it: decoded from its transfer encoding (quoted-printable
     * for accented letters) and its charset, the first text part of a multipart one.
     */
    public static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the email: " + e.getMessage(), e);
        }
    }

    private static String text(Object content) throws MessagingException, java.io.IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart && multipart.getCount() > 0) {
            return text(multipart.getBodyPart(0).getContent());
        }
        throw new IllegalStateException("not a text email: " + content);
    }

    private static List<Email> matching(List<Email> received, String to, String subject) {
        return received.stream().filter(email -> email.isFor(to, subject)).toList();
    }

    private List<Email> received() throws MessagingException {
        List<Email> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            received.add(new Email(message, Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString).toList(), message.getSubject()));
        }
        return received;
    }

    /** An email received, with what {@link #await} looks at read once; it shows as recipients and subject. */
    private record Email(MimeMessage message, List<String> to, String subject) {

        boolean isFor(String recipient, String part) {
            return to.stream().anyMatch(recipient::equalsIgnoreCase) && subject.contains(part);
        }

        @Override
        public String toString() {
            return to + " " + subject;
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
