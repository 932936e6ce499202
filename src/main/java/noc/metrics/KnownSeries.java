package noc.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import noc.alarm.SourceKind;
import noc.cluster.ClusterConfiguration;
import noc.cluster.Role;
import noc.engine.Inputs;
import noc.engine.RuleReloader;
import noc.ingest.http.IntakeController;
import noc.ingest.snmp.TrapListener;
import noc.notify.Notification;
import noc.notify.OutboxDeliverer;
import noc.security.LoginProvider;

/**
 * Registers every labelled counter at zero at startup, once for each label value it can take, so
 * that {@code rate()} and alerts see a series before its first event. The label values belong to the
 * code that counts; this only lists them. A collector has the intakes' series only, with its own
 * refusal ({@code kafka_unavailable}) where the engine queue's would be.
 */
@Context
public final class KnownSeries {

    public KnownSeries(MeterRegistry meters, ClusterConfiguration cluster, Inputs inputs) {
        boolean collector = cluster.nodeRole() == Role.COLLECTOR;
        String refusal = inputs.refusal().reason();
        List<String> drops = new ArrayList<>(TrapListener.DROP_REASONS);
        if (collector) {
            drops.replaceAll(reason -> reason.equals("queue_full") ? refusal : reason);
            drops.remove(TrapListener.REFUSED_BY_DATABASE);
        }
        for (String reason : drops) {
            meters.counter("noc.snmp.traps.dropped", "reason", reason);
        }
        for (String intake : IntakeController.INTAKES) {
            meters.counter("noc.intake.alarms.accepted", "intake", intake);
            for (String reason : IntakeController.REJECT_REASONS) {
                meters.counter("noc.intake.requests.rejected", "intake", intake, "reason", reason);
            }
            meters.counter("noc.intake.requests.rejected", "intake", intake, "reason", refusal);
        }
        if (collector) {
            return;
        }
        for (SourceKind source : SourceKind.values()) {
            meters.counter("noc.engine.events.committed", "source", source.label());
        }
        for (String result : RuleReloader.RESULTS) {
            meters.counter("noc.rules.builds", "result", result);
        }
        for (Notification.Channel channel : Notification.Channel.values()) {
            for (String result : OutboxDeliverer.RESULTS) {
                meters.counter("noc.notify.deliveries", "channel", OutboxDeliverer.label(channel), "result", result);
            }
        }
        for (String result : LoginProvider.RESULTS) {
            meters.counter("noc.security.logins", "result", result);
        }
    }
}
