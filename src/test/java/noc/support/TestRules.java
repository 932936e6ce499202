package noc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A rules folder of its own for a test: the shipped rules plus files the test adds. */
public final class TestRules {

    private TestRules() {
    }

    /**
     * A temporary folder with the shipped {@code rules/*.drl} and {@code extra} (file name, DRL,
     * alternately); pass it as {@code noc.rules.directory}.
     */
    public static Path shippedPlus(String... extra) {
        if (extra.length % 2 != 0) {
            throw new IllegalArgumentException("file names and DRL texts come in pairs");
        }
        try {
            Path folder = Files.createTempDirectory("noc-test-rules");
            try (Stream<Path> shipped = Files.list(Path.of("rules"))) {
                for (Path file : shipped.filter(f -> f.toString().endsWith(".drl")).toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
            for (int i = 0; i < extra.length; i += 2) {
                Files.writeString(folder.resolve(extra[i]), extra[i + 1]);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
