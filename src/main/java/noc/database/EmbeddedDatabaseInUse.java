package noc.database;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Tells the application that its database is the embedded one the launcher started, and where that
 * keeps its data: the startup report names it, since the JDBC URL alone does not say so.
 *
 * @param directory the data folder, absolute
 * @param port      the port it listens on, on 127.0.0.1
 */
public record EmbeddedDatabaseInUse(Path directory, int port) {

    public EmbeddedDatabaseInUse {
        Objects.requireNonNull(directory, "directory is null");
        directory = directory.toAbsolutePath().normalize();
    }
}
