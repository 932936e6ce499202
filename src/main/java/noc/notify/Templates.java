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

/**
 * The email templates: one file per message in a folder an operator edits, {@code <name>.txt}, whose
 * first line is {@code Subject: ...}, then an empty line, then the body. {@code {{value}}} is
 * replaced by a value of the message; a name no message has is an error. A template missing for a
 * message falls back to {@code default.txt}. Files are read again when they change; a file that no
 * longer parses is refused with its line, and its last good version stays in use.
 */
public final class Templates {

    /** Every value a template may use (README "Notifications"). */
    public static final Set<String> VALUES = Set.of("reference", "title", "priority", "status", "event", "at", "text",
            "author", "customers", "recipientName", "recipientEmail", "level", "levelName", "acknowledgeBy",
            "confirmBy", "ticketUrl", "apiUrl", "respondUrl");

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final String DEFAULT = "default";

    private final Path folder;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public Templates(Path folder) {
        this.folder = folder;
    }

    /**
     * Reads every template of the folder, as at startup.
     *
     * @throws TemplateException naming the file and line of the first template that does not parse,
     *                           or saying that {@code default.txt} is missing
     */
    public void loadAll() throws TemplateException {
        if (!Files.isRegularFile(folder.resolve(DEFAULT + ".txt"))) {
            throw new TemplateException(folder.resolve(DEFAULT + ".txt") + ": missing; every message without its "
                    + "own template uses it");
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String name = file.getFileName().toString();
                name = name.substring(0, name.length() - 4);
                loaded.put(name, load(file));
            }
        } catch (IOException e) {
            throw new TemplateException(folder + ": cannot be read: " + e.getMessage());
        }
    }

    /** The subject and body of message {@code name} with {@code values}. */
    public Rendered render(String name, Map<String, String> values) {
        Template template = current(name);
        if (template == null) {
            template = current(DEFAULT);
        }
        if (template == null) {
            throw new IllegalStateException("no template " + name + " and no " + DEFAULT + " in " + folder);
        }
        return new Rendered(fill(template.subject(), values), fill(template.body(), values));
    }

    private Template current(String name) {
        Path file = folder.resolve(name + ".txt");
        Loaded known = loaded.get(name);
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
            loaded.put(name, fresh);
            LOG.info("Email template {} read again", file);
            return fresh.template();
        } catch (TemplateException e) {
            LOG.error("Email template refused, {}: {}", known == null ? "none in use" : "its last good version stays",
                    e.getMessage());
            if (known != null) {
                // Not read again until it changes once more.
                loaded.put(name, new Loaded(known.template(), modified));
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
