package noc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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

    /** The shipped {@code rules/*.drl} texts by file name, in name order. */
    public static Map<String, String> shipped() {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> shipped = Files.list(Path.of("rules"))) {
            for (Path file : shipped.filter(f -> f.toString().endsWith(".drl")).toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** The line number (from 1) of the first line of {@code drl} that holds {@code marker}. */
    public static int lineOf(String drl, String marker) {
        int at = drl.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("no line holds " + marker);
        }
        return (int) drl.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The typo of issue 11: {@code drl} without the last {@code )} of the first line holding {@code marker}. */
    public static String withoutClosingParenthesis(String drl, String marker) {
        int start = drl.indexOf(marker);
        int lineEnd = drl.indexOf('\n', start);
        int parenthesis = drl.lastIndexOf(')', lineEnd < 0 ? drl.length() : lineEnd);
        if (start < 0 || parenthesis < start) {
            throw new IllegalArgumentException("no ')' on the line of " + marker);
        }
        return drl.substring(0, parenthesis) + drl.substring(parenthesis + 1);
    }
}
