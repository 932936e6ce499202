package noc.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import noc.alarm.SourceKind;
import noc.engine.RuleReloader;
import noc.ingest.http.IntakeController;
import noc.ingest.snmp.TrapListener;
import noc.notify.Notification;
import noc.notify.OutboxDeliverer;
import noc.security.LoginProvider;

/**
 * Registers every labelled counter at zero at startup, once for each label value it can take, so
 * that {@code rate()} and alerts see a series before its first event. The label values belong to the
 * code that counts; this only lists them.
 */
@Context
public final class KnownSeries {

    public KnownSeries(MeterRegistry meters) {
        for (String reason : TrapListener.DROP_REASONS) {
            meters.counter("noc.snmp.traps.dropped", "reason", reason);
        }
        for (String intake : IntakeController.INTAKES) {
            meters.counter("noc.intake.alarms.accepted", "intake", intake);
            for (String reason : IntakeController.REJECT_REASONS) {
                meters.counter("noc.intake.requests.rejected", "intake", intake, "reason", reason);
            }
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
