package noc.maintenance;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import noc.alarm.WindowOwners;
import noc.engine.SessionContext;
import noc.inventory.Device;

/**
 * The maintenance windows held by other sessions that cover devices of this one ({@link WindowScope}s,
 * role {@code engine}), as told by their owners and read back at a rebuild: while one is on, the
 * alarms first raised on a device it covers go to its owner.
 */
public final class ForeignWindows implements WindowOwners {

    private final SessionContext context;
    private final Function<String, Device> deviceAt;
    /** The windows told, by reference, each with the window it describes (built once: read at each alarm raised). */
    private final Map<String, Told> windows = new HashMap<>();

    private record Told(WindowScope scope, MaintenanceWindow window) {
    }

    /** @param deviceAt the device with an address, or null */
    public ForeignWindows(SessionContext context, Function<String, Device> deviceAt, List<WindowScope> loaded) {
        this.context = context;
        this.deviceAt = deviceAt;
        loaded.forEach(this::learn);
    }

    public void learn(WindowScope scope) {
        windows.put(scope.reference(), new Told(scope, scope.asWindow()));
    }

    @Override
    public String ownerOf(String source) {
        Device device = deviceAt.apply(source);
        return device == null ? null : ownerOf(device, context.now());
    }

    /** Forgets the windows that can never be on again, so that a long-lived session keeps only those to come. */
    public void forgetOver() {
        Instant now = context.now();
        windows.values().removeIf(told -> told.scope().isOverAt(now));
    }

    /** The references of the windows on now: the devices held back change only when these do. */
    public java.util.Set<String> activeNow() {
        Instant now = context.now();
        java.util.Set<String> active = new java.util.TreeSet<>();
        windows.values().stream().filter(told -> told.window().isActiveAt(now))
                .forEach(told -> active.add(told.scope().reference()));
        return active;
    }

    /** The devices that an active window covers now, by name, each with the least owner of those windows. */
    public Map<String, String> ownersNow(Collection<Device> devices) {
        Map<String, String> owners = new HashMap<>();
        if (windows.isEmpty()) {
            return owners;
        }
        Instant now = context.now();
        for (Device device : devices) {
            String owner = ownerOf(device, now);
            if (owner != null) {
                owners.put(device.name(), owner);
            }
        }
        return owners;
    }

    private String ownerOf(Device device, Instant now) {
        String least = null;
        for (Told told : windows.values()) {
            String owner = told.scope().owner();
            if (told.window().isActiveAt(now) && told.window().covers(device)
                    && (least == null || owner.compareTo(least) < 0)) {
                least = owner;
            }
        }
        return least;
    }
}
