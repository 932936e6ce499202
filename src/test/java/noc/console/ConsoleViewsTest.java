package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** What every console page must carry, checked on the templates so that a new page cannot forget it. */
class ConsoleViewsTest {

    private static final Path VIEWS = Path.of("src/main/resources/views");

    static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(VIEWS)) {
            return files.filter(file -> read(file).contains("layout :: top")).sorted().toList();
        }
    }

    @Test
    void everyPageWithTheTopBarCarriesTheChosenTimeZoneAndItsLanguage() throws IOException {
        List<Path> pages = pages();

        assertThat(pages).hasSizeGreaterThan(20);
        assertThat(pages).allSatisfy(page -> {
            String view = read(page);
            assertThat(view).as(page + ": console.js reads the person's zone on <body>")
                    .contains("<body th:data-time-zone=\"${timeZone}\"");
            assertThat(view).as(page + ": the page says its language").contains("th:lang=\"${#locale.language}\"");
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
