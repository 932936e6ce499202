package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.inventory.Language;

/** The email templates operators edit, in French and English: checked with file and line, read again when changed. */
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
    void everyShippedTemplateExistsInFrenchAndEnglishParsesAndQuotesTheReferenceInItsSubject() throws Exception {
        Path shipped = Path.of("templates");
        Templates templates = new Templates(shipped, Language.FR);
        templates.loadAll();
        List<String> french = names(shipped.resolve("fr"));
        assertThat(french).contains("default", "opened", "question", "waiting", "update", "resolved", "reopened",
                "closed", "escalated", "major-incident", "sla-breached", "priority-changed", "maintenance-planned");
        assertThat(names(shipped.resolve("en"))).isEqualTo(french);
        for (Language language : Language.values()) {
            for (String name : french) {
                Templates.Rendered rendered = templates.render(language, name, values());
                assertThat(rendered.subject()).as(language + " " + name).contains("[INC-2026-000042]");
                assertThat(rendered.body()).as(language + " " + name).doesNotContain("{{");
                assertThat(rendered.body()).as(language + " " + name)
                        .startsWith(language == Language.FR ? "Bonjour <recipientName>," : "Hello <recipientName>,");
            }
            assertThat(templates.render(language, "resolved", values()).body()).contains("<respondUrl>")
                    .contains("<confirmBy>");
            assertThat(templates.render(language, "escalated", values()).body()).contains("<respondUrl>")
                    .contains("<acknowledgeBy>");
        }
        // As a French support centre writes to its customers.
        assertThat(templates.render(Language.FR, "opened", values()).subject())
                .isEqualTo("[INC-2026-000042] Votre incident a été pris en compte : <title>");
        assertThat(templates.render(Language.FR, "opened", values()).body())
                .contains("enregistré sous la référence INC-2026-000042").endsWith("Cordialement,\nLe Centre de support\n");
        assertThat(templates.render(Language.EN, "opened", values()).subject())
                .isEqualTo("[INC-2026-000042] Incident opened: <title>");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString().replace(".txt", "")).sorted().toList();
        }
    }

    @Test
    void aMessageTakesItsLanguagesFileThenTheDefaultLanguagesThenTheTopLevelThenDefault(@TempDir Path folder)
            throws Exception {
        write(folder.resolve("fr/default.txt"), "Subject: [{{reference}}] fr default\n\nfr default\n");
        write(folder.resolve("fr/opened.txt"), "Subject: [{{reference}}] fr opened\n\nfr opened\n");
        write(folder.resolve("fr/closed.txt"), "Subject: [{{reference}}] fr closed\n\nfr closed\n");
        write(folder.resolve("en/opened.txt"), "Subject: [{{reference}}] en opened\n\nen opened\n");
        write(folder.resolve("waiting.txt"), "Subject: [{{reference}}] top waiting\n\ntop waiting\n");
        Templates templates = new Templates(folder, Language.FR);
        templates.loadAll();

        assertThat(templates.render(Language.EN, "opened", values()).body()).isEqualTo("en opened\n");
        assertThat(templates.render(Language.FR, "opened", values()).body()).isEqualTo("fr opened\n");
        assertThat(templates.render("opened", values()).body()).as("noc.locale's").isEqualTo("fr opened\n");
        // No English closed.txt: the message in the default language before any generic text.
        assertThat(templates.render(Language.EN, "closed", values()).body()).isEqualTo("fr closed\n");
        // The one-language layout of earlier versions is still read.
        assertThat(templates.render(Language.EN, "waiting", values()).body()).isEqualTo("top waiting\n");
        // No file for the message anywhere: the language's default.txt, else the default language's.
        assertThat(templates.render(Language.EN, "question", values()).body()).isEqualTo("fr default\n");
        write(folder.resolve("en/default.txt"), "Subject: [{{reference}}] en default\n\nen default\n");
        assertThat(templates.render(Language.EN, "question", values()).body()).isEqualTo("en default\n");
        assertThat(templates.render(Language.FR, "question", values()).body()).isEqualTo("fr default\n");
    }

    @Test
    void aBrokenFrenchTemplateIsRefusedWithItsFileAndLineAndItsLastGoodVersionStays(@TempDir Path folder)
            throws Exception {
        write(folder.resolve("fr/default.txt"), "Subject: [{{reference}}] nouvelles\n\n{{text}}\n");
        Path french = folder.resolve("fr/opened.txt");
        write(french, "Subject: [{{reference}}] ouvert\n\nBonjour,\nVotre incident {{nom}}\n");
        Path english = folder.resolve("en/opened.txt");
        write(english, "Subject: [{{reference}}] opened\n\nHello\n");
        assertThatThrownBy(() -> new Templates(folder, Language.FR).loadAll())
                .hasMessageStartingWith(french + ":4: unknown value {{nom}}");

        write(french, "Subject: [{{reference}}] ouvert\n\nVotre incident a été pris en compte.\n");
        Templates templates = new Templates(folder, Language.FR);
        templates.loadAll();
        write(french, "Subject: [{{reference}}] ouvert\n\nVotre incident {{reference}\n");
        Files.setLastModifiedTime(french, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(templates.render(Language.FR, "opened", values()).body())
                .isEqualTo("Votre incident a été pris en compte.\n");
        assertThat(templates.render(Language.EN, "opened", values()).body()).isEqualTo("Hello\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
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
        Templates templates = new Templates(folder, Language.FR);
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
        assertThatThrownBy(() -> new Templates(folder, Language.FR).loadAll()).hasMessageContaining("default.txt: missing");
    }
}
