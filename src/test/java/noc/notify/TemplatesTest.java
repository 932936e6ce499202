package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The email templates operators edit: checked with file and line, read again when changed. */
class TemplatesTest {

    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        for (String name : Templates.VALUES) {
            values.put(name, "<" + name + ">");
        }
        values.put("reference", "INC-2026-000042");
        return values;
    }

    @Test
    void everyShippedTemplateParsesAndQuotesTheReferenceInItsSubject() throws Exception {
        Templates templates = new Templates(Path.of("templates"));
        templates.loadAll();
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString().replace(".txt", "");
                Templates.Rendered rendered = templates.render(name, values());
                assertThat(rendered.subject()).as(name).contains("[INC-2026-000042]");
                assertThat(rendered.body()).as(name).doesNotContain("{{");
            }
        }
        assertThat(templates.render("resolved", values()).body()).contains("<respondUrl>").contains("<confirmBy>");
        assertThat(templates.render("escalated", values()).body()).contains("<respondUrl>").contains("<acknowledgeBy>");
    }

    @Test
    void anUnknownValueIsRefusedWithItsFileAndLine() {
        assertThatThrownBy(() -> Templates.parse("opened.txt", "Subject: [{{reference}}]\n\nHello {{ name }}\n"))
                .hasMessageStartingWith("opened.txt:3: unknown value {{name}}");
        assertThatThrownBy(() -> Templates.parse("opened.txt", "Hello\n"))
                .hasMessageStartingWith("opened.txt:1: the first line must be 'Subject: ...'");
        assertThatThrownBy(() -> Templates.parse("opened.txt", "Subject: x\nbody\n"))
                .hasMessageStartingWith("opened.txt:2:");
        assertThatThrownBy(() -> Templates.parse("opened.txt", "Subject: x\n\n{{reference}} and {{title\n"))
                .hasMessageStartingWith("opened.txt:3: '{{' without its '}}'");
    }

    @Test
    void anEditTakesEffectABrokenEditKeepsTheLastGoodVersionAndAMissingTemplateFallsBackToTheDefault(
            @TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("default.txt"), "Subject: [{{reference}}] news\n\n{{text}}\n");
        Path opened = folder.resolve("opened.txt");
        Files.writeString(opened, "Subject: [{{reference}}] opened\n\nfirst\n");
        Templates templates = new Templates(folder);
        templates.loadAll();
        assertThat(templates.render("opened", values()).body()).isEqualTo("first\n");

        Files.writeString(opened, "Subject: [{{reference}}] opened\n\nsecond\n");
        Files.setLastModifiedTime(opened, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(templates.render("opened", values()).body()).isEqualTo("second\n");

        Files.writeString(opened, "Subject: [{{reference}}] opened\n\n{{nonsense}}\n");
        Files.setLastModifiedTime(opened, FileTime.from(Instant.now().plusSeconds(20)));
        assertThat(templates.render("opened", values()).body()).isEqualTo("second\n");

        assertThat(templates.render("closed", values())).isEqualTo(new Templates.Rendered("[INC-2026-000042] news",
                "<text>\n"));
    }

    @Test
    void aFolderWithoutDefaultIsRefused(@TempDir Path folder) {
        assertThatThrownBy(() -> new Templates(folder).loadAll()).hasMessageContaining("default.txt: missing");
    }
}
