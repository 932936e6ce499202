package noc.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Where a keyset page ends: the sort key values of its last row, for one list. As an {@code after}
 * parameter it is opaque: base64url of the list's name, the values and a checksum, so that a cut or
 * edited cursor, or one from another list, is refused instead of starting somewhere else. It is no
 * secret and grants nothing: the next query still applies the caller's filters.
 *
 * @param list   the list it belongs to ({@code tickets}, {@code alarms}, ...)
 * @param values the sort key of the last row seen, in the order of the sort
 */
public record Cursor(String list, List<String> values) {

    private static final int VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public Cursor {
        Objects.requireNonNull(list, "list is null");
        values = List.copyOf(values);
    }

    /** A cursor from key values: instants and numbers are written in their {@code toString} form. */
    public static Cursor of(String list, Object... values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            texts.add(String.valueOf(Objects.requireNonNull(value, "a cursor value is null")));
        }
        return new Cursor(list, texts);
    }

    public String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(list);
            out.writeByte(values.size());
            for (String value : values) {
                out.writeUTF(value);
            }
            out.writeInt(checksum(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ENCODER.encodeToString(bytes.toByteArray());
    }

    /**
     * Reads an {@code after} parameter of list {@code list}, whose sort key has {@code size} values.
     *
     * @throws ProblemException 400 naming {@code after} when it is not such a cursor
     */
    public static Cursor decode(String token, String list, int size) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this service made");
        }
        if (bytes.length < 4 + 1) {
            throw invalid("is not a cursor this service made");
        }
        int end = bytes.length - 4;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] payload = in.readNBytes(end);
            if (in.readInt() != checksum(payload)) {
                throw invalid("is not a cursor this service made (its checksum does not match)");
            }
            DataInputStream fields = new DataInputStream(new ByteArrayInputStream(payload));
            if (fields.readByte() != VERSION) {
                throw invalid("is a cursor of another version");
            }
            String name = fields.readUTF();
            if (!name.equals(list)) {
                throw invalid("is a cursor of the " + name + " list, not of " + list);
            }
            int count = fields.readUnsignedByte();
            if (count != size) {
                throw invalid("is not a cursor this service made");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(fields.readUTF());
            }
            if (fields.available() > 0) {
                throw invalid("is not a cursor this service made");
            }
            return new Cursor(name, values);
        } catch (IOException e) {
            throw invalid("is not a cursor this service made");
        }
    }

    public String text(int index) {
        return values.get(index);
    }

    public Instant instant(int index) {
        Instant instant;
        try {
            instant = Instant.parse(values.get(index));
        } catch (DateTimeParseException e) {
            throw invalid("is not a cursor this service made");
        }
        // a cursor is not signed: one made by hand may hold a time no column can
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw invalid("is not a cursor this service made");
        }
        return instant;
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public long number(int index) {
        try {
            return Long.parseLong(values.get(index));
        } catch (NumberFormatException e) {
            throw invalid("is not a cursor this service made");
        }
    }

    private static int checksum(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static ProblemException invalid(String message) {
        return ProblemException.badRequest("after " + message + "; start again without it, or use the Link "
                + "header of the previous page", List.of(new Problem.FieldError("after", message)));
    }
}
