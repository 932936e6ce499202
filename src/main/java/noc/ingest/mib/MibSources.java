package noc.ingest.mib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds MIB files: the IETF and IANA modules bundled in the application at build time, and every
 * file under the configured folders (sub-folders too). A module file that appears twice under the
 * same name is read once, the first one found winning, so a folder given later cannot shadow the
 * bundled standard modules by accident.
 */
final class MibSources {

    static final String BUNDLED_RESOURCE = "bundled-mibs";

    private MibSources() {
    }

    /** Every MIB file to load, bundled ones first, in a stable order. */
    static List<URL> find(List<Path> directories) {
        Map<String, URL> byFileName = new LinkedHashMap<>();
        for (Path file : bundled()) {
            add(byFileName, file);
        }
        for (Path directory : directories) {
            if (Files.isDirectory(directory)) {
                for (Path file : walk(directory)) {
                    add(byFileName, file);
                }
            }
        }
        return List.copyOf(byFileName.values());
    }

    private static void add(Map<String, URL> byFileName, Path file) {
        String name = file.getFileName().toString();
        if (!isMibFile(name)) {
            return;
        }
        try {
            byFileName.putIfAbsent(name, file.toUri().toURL());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isMibFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !lower.startsWith("makefile") && !lower.equals("readme.md")
                && !lower.endsWith(".md") && !lower.endsWith(".orig") && !lower.endsWith("~");
    }

    private static List<Path> bundled() {
        URL root = MibSources.class.getClassLoader().getResource(BUNDLED_RESOURCE);
        if (root == null) {
            return List.of();
        }
        try {
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Collections.emptyMap());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return walk(jar.getPath(BUNDLED_RESOURCE));
            }
            return walk(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the bundled MIBs at " + root, e);
        }
    }

    private static List<Path> walk(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> result = new ArrayList<>(files.filter(Files::isRegularFile).toList());
            result.sort(null);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MIB folder " + directory, e);
        }
    }
}
