package noc.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import noc.inventory.Language;

/**
 * The email templates, in French and in English: one file per message and language in a folder an
 * operator edits, {@code fr/<name>.txt} and {@code en/<name>.txt}, whose first line is
 * {@code Subject: ...}, then an empty line, then the body. {@code {{value}}} is replaced by a value of
 * the message; a name no message has is an error.
 *
 * <p>A message in a language uses the first file there is of: {@code <language>/<name>.txt}, the
 * default language's {@code <default>/<name>.txt} ({@code noc.locale}), {@code <name>.txt} at the top
 * of the folder (the one-language layout of earlier versions, still read), then the same three for
 * {@code default}. So a message keeps its own wording (and its link) before it falls back to the
 * generic one. Files are read again when they change; a file that no longer parses is refused with
 * its line, and its last good version stays in use.
 */
public final class Templates {

    /** Every value a template may use (README "Notifications"). */
    public static final Set<String> VALUES = Set.of("reference", "title", "priority", "status", "statusText",
            "event", "at", "text", "note", "author", "customers", "recipientName", "recipientEmail", "level", "levelName",
            "acknowledgeBy", "confirmBy", "windowStart", "windowEnd", "ticketUrl", "apiUrl", "respondUrl");

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final String DEFAULT = "default";

    private final Path folder;
    private final Language defaultLanguage;
    /** By key: {@code fr/opened}, or {@code opened} at the top of the folder. */
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /**
     * @param defaultLanguage {@code noc.locale}'s: the language whose files stand in for a language's
     *                        missing one
     */
    public Templates(Path folder, Language defaultLanguage) {
        this.folder = folder;
        this.defaultLanguage = defaultLanguage;
    }

    /**
     * Reads every template of the folder and of its language folders, as at startup.
     *
     * @throws TemplateException naming the file and line of the first template that does not parse,
     *                           or saying that {@code default.txt} is missing
     */
    public void loadAll() throws TemplateException {
        Path languageDefault = folder.resolve(defaultLanguage.code()).resolve(DEFAULT + ".txt");
        if (!Files.isRegularFile(languageDefault) && !Files.isRegularFile(folder.resolve(DEFAULT + ".txt"))) {
            throw new TemplateException(languageDefault + ": missing; every message without its own template "
                    + "uses it (or " + DEFAULT + ".txt at the top of " + folder + ")");
        }
        List<String> prefixes = new ArrayList<>(List.of(""));
        for (Language language : Language.values()) {
            if (Files.isDirectory(folder.resolve(language.code()))) {
                prefixes.add(language.code() + "/");
            }
        }
        for (String prefix : prefixes) {
            try (Stream<Path> files = Files.list(folder.resolve(prefix.isEmpty() ? "." : prefix))) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")
                        && Files.isRegularFile(f)).sorted().toList()) {
                    String name = file.getFileName().toString();
                    loaded.put(prefix + name.substring(0, name.length() - 4), load(file));
                }
            } catch (IOException e) {
                throw new TemplateException(folder.resolve(prefix) + ": cannot be read: " + e.getMessage());
            }
        }
    }

    /** The subject and body of message {@code name} in the default language, with {@code values}. */
    public Rendered render(String name, Map<String, String> values) {
        return render(defaultLanguage, name, values);
    }

    /** The subject and body of message {@code name} in {@code language} (or its fallback), with {@code values}. */
    public Rendered render(Language language, String name, Map<String, String> values) {
        for (String key : keys(language, name)) {
            Template template = current(key);
            if (template != null) {
                return new Rendered(fill(template.subject(), values), fill(template.body(), values));
            }
        }
        throw new IllegalStateException("no template " + name + " and no " + DEFAULT + " in " + folder);
    }

    /** Where a message in a language is looked for, in order. */
    private List<String> keys(Language language, String name) {
        List<String> keys = new ArrayList<>();
        for (String each : List.of(name, DEFAULT)) {
            keys.add(language.code() + "/" + each);
            if (language != defaultLanguage) {
                keys.add(defaultLanguage.code() + "/" + each);
            }
            keys.add(each);
        }
        return keys;
    }

    private Template current(String key) {
        Path file = folder.resolve(key + ".txt");
        Loaded known = loaded.get(key);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            // gone or unreadable: the version in use, if any, stays
            return known == null ? null : known.template();
        }
        if (known != null && known.modified().equals(modified)) {
            return known.template();
        }
        try {
            Loaded fresh = load(file);
            loaded.put(key, fresh);
            LOG.info("Email template {} read again", file);
            return fresh.template();
        } catch (TemplateException e) {
            LOG.error("Email template refused, {}: {}", known == null ? "none in use" : "its last good version stays",
                    e.getMessage());
            if (known != null) {
                // Not read again until it changes once more.
                loaded.put(key, new Loaded(known.template(), modified));
                return known.template();
            }
            return null;
        }
    }

    private static Loaded load(Path file) throws TemplateException {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return new Loaded(parse(file.toString(), Files.readString(file)), modified);
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses a template's text; {@code where} names it in errors. */
    static Template parse(String where, String text) throws TemplateException {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).regionMatches(true, 0, "Subject:", 0, 8)) {
            throw new TemplateException(where + ":1: the first line must be 'Subject: ...'");
        }
        if (lines.size() > 1 && !lines.get(1).isBlank()) {
            throw new TemplateException(where + ":2: an empty line must separate the subject from the body");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher matcher = PLACEHOLDER.matcher(line);
            while (matcher.find()) {
                if (!VALUES.contains(matcher.group(1))) {
                    throw new TemplateException(where + ":" + (i + 1) + ": unknown value {{" + matcher.group(1)
                            + "}}; known: " + new java.util.TreeSet<>(VALUES));
                }
            }
            if (PLACEHOLDER.matcher(line).replaceAll("").contains("{{")) {
                throw new TemplateException(where + ":" + (i + 1) + ": '{{' without its '}}'");
            }
        }
        List<String> body = lines.size() > 2 ? lines.subList(2, lines.size()) : new ArrayList<>();
        return new Template(lines.get(0).substring(8).strip(), String.join("\n", body) + "\n");
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** A parsed template. */
    record Template(String subject, String body) {
    }

    private record Loaded(Template template, FileTime modified) {
    }

    /** A message ready to send. */
    public record Rendered(String subject, String body) {
    }

    /** A template that cannot be used, with its file and line. */
    public static final class TemplateException extends Exception {
        public TemplateException(String message) {
            super(message);
        }
    }
}
