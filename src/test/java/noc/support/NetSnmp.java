package noc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs net-snmp's command-line tools ({@code apt-get install snmp}) against the test listener. */
public final class NetSnmp {

    private NetSnmp() {
    }

    /** Skips the calling test where net-snmp is missing, except in CI, where it must be installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmptrap")) || "true".equals(System.getenv("CI")),
                "net-snmp's snmptrap is not installed (apt-get install snmp)");
    }

    /** Runs {@code tool args...}, returning its exit code and output; MIBs are not loaded (numeric OIDs). */
    public static Result run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/" + tool);
        command.add("-M");
        command.add("/dev/null");
        command.add("-m");
        command.add("");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 30 s");
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a tool and fails the test unless it exits 0. */
    public static void succeed(String tool, String... args) {
        Result result = run(tool, args);
        assertThat(result.exitCode()).as("%s %s said: %s", tool, String.join(" ", args), result.output()).isZero();
    }

    public record Result(int exitCode, String output) {
    }
}
