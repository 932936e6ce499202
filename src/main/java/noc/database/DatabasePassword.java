package noc.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the embedded MariaDB's {@code root}, made at the first start and kept in the data
 * folder, readable by its owner only. Until the server has taken it, it waits under a {@code .new}
 * name: a start that dies between writing it and setting it on the server sets it again next time,
 * and only a password the server has taken is ever relied on.
 */
record DatabasePassword(Path file, String value, boolean taken) {

    static final String FILE_NAME = "mariadb-password";

    /** The password kept under {@code directory}, or a new one, written but not yet taken. */
    static DatabasePassword in(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            return new DatabasePassword(file, read(file), true);
        }
        Path pending = pending(file);
        if (Files.isRegularFile(pending)) {
            return new DatabasePassword(file, read(pending), false);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writePrivate(pending, value + "\n");
        return new DatabasePassword(file, value, false);
    }

    /** Once the server has taken the password: it is kept under its own name from now on. */
    DatabasePassword markTaken() throws IOException {
        Files.move(pending(file), file, StandardCopyOption.ATOMIC_MOVE);
        return new DatabasePassword(file, value, true);
    }

    private static Path pending(Path file) {
        return file.resolveSibling(file.getFileName() + ".new");
    }

    private static String read(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
            throw new IOException(file + " is empty: restore it from a backup, or see the README on how to reset it");
        }
        return value;
    }

    /** Writes {@code text} to a new file that only its owner may read (mode 0600 from the start). */
    static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's protection applies
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while being written", e);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabasePassword[" + file + "]"; // never the value
    }
}
