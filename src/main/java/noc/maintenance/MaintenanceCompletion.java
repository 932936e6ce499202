package noc.maintenance;

import static java.util.Objects.requireNonNull;

/** A command to the engine: the operation of a maintenance window is done. */
@io.micronaut.serde.annotation.Serdeable
public record MaintenanceCompletion(String reference, String completedBy) {

    public MaintenanceCompletion {
        requireNonNull(reference, "reference is null");
        requireNonNull(completedBy, "completedBy is null");
    }

    public String getReference() { return reference; }
    public String getCompletedBy() { return completedBy; }
}
