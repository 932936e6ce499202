package noc.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import noc.engine.RuleCompiler;
import noc.engine.RuleReloader;
import noc.engine.RuleStatus;
import noc.engine.RulesConfiguration;
import noc.security.Audit;

/**
 * The rules folder as the console's workbench edits it. A copy is checked exactly as
 * {@code POST /api/v1/rules/validate} checks it, and deployed only when that check passes: then it
 * replaces its file in one atomic move and the folder is reloaded as the watcher would, so a copy
 * that does not compile never reaches the folder and the running rules stay.
 */
@Singleton
@io.micronaut.context.annotation.Requires(condition = noc.cluster.Roles.All.class)
public class RuleWorkbench {

    /** The longest copy taken, in characters: the shipped files are a few kilobytes. */
    static final int MAX_TEXT = 500_000;

    private final RuleReloader reloader;
    private final Path folder;
    private final Audit audit;

    public RuleWorkbench(RuleReloader reloader, RulesConfiguration configuration, Audit audit) {
        this.reloader = reloader;
        this.folder = configuration.directory();
        this.audit = audit;
    }

    /** A file of the folder. */
    public record RuleFile(String name, long size) {
    }

    /** What a deploy did, the check of the copy (when it came to that), and the status after. */
    public record Deployment(Result result, @Nullable RuleStatus.Validation validation, RuleStatus status) {
    }

    /** Written and reloaded; refused as it does not compile; refused as the file changed since the copy was made. */
    public enum Result { DEPLOYED, INVALID, CHANGED }

    /** The {@code *.drl} files of the folder, in the order they load. */
    public List<RuleFile> files() {
        try {
            return RuleCompiler.ruleFiles(folder).stream()
                    .map(file -> new RuleFile(file.getFileName().toString(), size(file))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the file {@code name}, when the folder has it. */
    public Optional<String> read(String name) {
        Optional<Path> file = file(name);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the folder with {@code text} standing for {@code name}; nothing is deployed. */
    public RuleStatus.Validation validate(String name, String text) {
        return reloader.validate(Map.of(name, text));
    }

    /**
     * Checks {@code text}, and only when it compiles and the file is still the {@code base} version the
     * copy was made from, writes it as {@code name}, reloads the folder and records in the audit who
     * deployed what. One deploy at a time, so the checks stay true until the write.
     */
    public synchronized Deployment deploy(String name, String text, String base, Authentication caller,
                                          HttpRequest<?> request) {
        if (!read(name).map(RuleWorkbench::version).orElse("").equals(base)) {
            return new Deployment(Result.CHANGED, null, reloader.status());
        }
        RuleStatus.Validation validation = validate(name, text);
        if (!validation.valid()) {
            return new Deployment(Result.INVALID, validation, reloader.status());
        }
        Path target = file(name).orElseThrow(() -> new IllegalArgumentException("no rule file " + name));
        Path staged = folder.resolve("." + name + ".workbench");
        try {
            Files.writeString(staged, text);
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuleStatus status = reloader.reload();
        audit.record(caller, "RULES_DEPLOYED", name, request, "sha256 " + version(text) + ", "
                + status.running().ruleCount() + " rules running, last build " + status.lastBuild());
        return new Deployment(Result.DEPLOYED, validation, status);
    }

    /** The file of the folder called {@code name}: a plain {@code *.drl} name only, never a path. */
    private Optional<Path> file(String name) {
        if (name == null || !name.matches("[\\w.-]+\\.drl") || name.startsWith(".")) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's version as a copy carries it: the SHA-256 of its text, in hex. */
    public static String version(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
