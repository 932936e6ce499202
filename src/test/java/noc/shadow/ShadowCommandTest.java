package noc.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import noc.engine.scenario.RulesCommand;

/** {@code rules shadow}: the shipped rules against a candidate on a recorded input file, offline. */
class ShadowCommandTest {

    private static final String RECORDED = """
            # a link down from a device the inventory does not know, then an hour of the clock
            {"at": "2026-03-02T08:00:00Z", "alarm": {"source": "192.0.2.1", "name": "IF-MIB::linkDown", "resource": "ifIndex.3"}}
            {"at": "2026-03-02T09:00:00Z"}
            """;

    @TempDir
    Path folder;

    @Test
    void aCandidateThatMakesALinkDownP3PrintsTheDifferenceAndExitsOne() throws IOException {
        Output output = run(p3Candidate(), write("recorded.jsonl", RECORDED));

        assertThat(output.code()).isEqualTo(1);
        assertThat(output.text()).contains("input 1, IF-MIB::linkDown from 192.0.2.1 ifIndex.3 at 2026-03-02T08:00:00Z")
                .contains("alarm 192.0.2.1|IF-MIB::linkDown|ifIndex.3: PRIORITY")
                .contains("live:      P2  (A link down on a device the inventory does not know opens a P2 ticket)")
                .contains("candidate: P3  (A link down on a device the inventory does not know opens a P3 ticket)")
                // an hour later the live P2 escalates, the candidate's P3 does not (P-5.1)
                .contains("the clock at 2026-03-02T09:00:00Z\n  ticket of 192.0.2.1: ESCALATION\n"
                        + "    live:      level 1  (A P1 or P2 unresolved at its escalation reference time escalates to level 1)\n"
                        + "    candidate: nothing\n")
                .endsWith("1 inputs compared, 2 differences\n");
    }

    @Test
    void withAnInventoryThatKnowsTheDeviceTheCandidateChangesNothingAndItExitsZero() throws IOException {
        Path inventory = write("inventory.json", """
                {"customers": [{"name": "Acme", "contract": "standard"}],
                 "services": [{"reference": "ACME-1", "customer": "Acme", "criticality": "high", "redundant": true}],
                 "devices": [{"name": "acme-cpe-1", "addresses": ["192.0.2.1"], "services": ["ACME-1"]}]}""");

        Output output = run(p3Candidate(), write("recorded.jsonl", RECORDED), "--inventory", inventory.toString());

        assertThat(output.text()).endsWith("1 inputs compared, 0 differences\n");
        assertThat(output.code()).isZero();
    }

    @Test
    void theCandidateRunsOnTheConfiguredValues() throws IOException {
        // A P2's escalation reference of 2 h: at 09:00 the live P2 has not escalated yet.
        Path config = write("application.yml", """
                noc:
                  sla:
                    p2:
                      escalation-reference: 2h
                """);

        Output output = run(p3Candidate(), write("recorded.jsonl", RECORDED), "--config", config.toString());

        assertThat(output.text()).doesNotContain("ESCALATION").endsWith("1 inputs compared, 1 differences\n");
        assertThat(output.code()).isEqualTo(1);
    }

    @Test
    void aConfigurationThatDoesNotBindIsNamedAndExitsTwo() throws IOException {
        Path config = write("application.yml", "noc:\n  policy:\n    flapping-count: -1\n");

        Output output = run(p3Candidate(), write("recorded.jsonl", RECORDED), "--config", config.toString());

        assertThat(output.code()).isEqualTo(2);
        assertThat(output.text()).contains("the configuration does not bind");
    }

    @Test
    void aBadLineIsNamedAndExitsTwo() throws IOException {
        Output output = run(p3Candidate(), write("recorded.jsonl", """
                {"at": "2026-03-02T08:00:00Z", "alarm": {"source": "192.0.2.1", "name": "IF-MIB::linkDown"}}
                {"at": "2026-03-02T08:01:00Z", "alarm": {"source": "192.0.2.1", "state": "gone"}}
                """));

        assertThat(output.code()).isEqualTo(2);
        assertThat(output.text()).contains("line 2: alarm.name is required")
                .contains("alarm.state must be raise or clear, not 'gone'");
    }

    private Path p3Candidate() throws IOException {
        String links = Files.readString(Path.of("rules/20-links.drl"));
        String candidate = links.replace("does not know opens a P2 ticket", "does not know opens a P3 ticket")
                .replace("Priority.P2, \"Link down on \" + $source,", "Priority.P3, \"Link down on \" + $source,");
        assertThat(candidate).isNotEqualTo(links);
        return write("20-links.drl", candidate);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private record Output(int code, String text) {
    }

    private static Output run(Path candidate, Path recorded, String... options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("shadow", "rules", candidate.toString(), recorded.toString()));
        args.addAll(List.of(options));
        int code = RulesCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Output(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
