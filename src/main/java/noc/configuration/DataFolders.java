package noc.configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches the start that would silently run on a new, empty embedded database because it was started
 * from another folder: {@code data} is relative to the working directory, so {@code java -jar} from
 * elsewhere makes a second one while the tickets wait in the first, beside the jar.
 */
public final class DataFolders {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolders.class);

    private DataFolders() {
    }

    /** Whether {@code directory} holds no database yet, so that starting on it makes an empty one. */
    public static boolean holdsNoDatabase(Path directory) {
        return !Files.isDirectory(directory.resolve("mariadb"));
    }

    /**
     * Data folders holding a database other than {@code directory}: {@code data} beside the jar, or
     * beside the jar's folder (a build's {@code target/}).
     */
    public static List<Path> elsewhere(Path directory, Optional<Path> jar) {
        Path self = directory.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        Optional<Path> folder = jar.map(j -> j.toAbsolutePath().normalize().getParent());
        for (Optional<Path> place : List.of(folder, folder.map(Path::getParent))) {
            place.map(p -> p.resolve("data")).filter(d -> !d.equals(self) && !holdsNoDatabase(d))
                    .filter(d -> !found.contains(d)).ifPresent(found::add);
        }
        return found;
    }

    /** Logs that an empty database was made in {@code directory}: a warning when another one exists. */
    public static void reportCreated(Path directory, List<Path> others) {
        Path self = directory.toAbsolutePath().normalize();
        if (others.isEmpty()) {
            LOG.info("Created a new, empty database in {} (noc.embedded-database.directory)", self);
            return;
        }
        LOG.warn("Created a new, empty database in {}; another data folder with a database exists in {}. If that "
                + "one holds your tickets, stop this correlator and start it from the folder that holds it, or set "
                + "noc.embedded-database.directory={}", self, others, others.get(0));
    }
}
