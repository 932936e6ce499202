package noc.inventory;

import static java.util.Objects.requireNonNull;

/**
 * One address of an inventory device, as a fact of its own, so that rules find the device of an
 * alarm's source by an indexed equality ({@code DeviceAddress( address == $source )}) instead of
 * searching every device's address list. The engine derives these from the devices; they are not
 * stored.
 */
public record DeviceAddress(String address, String device) {

    public DeviceAddress {
        requireNonNull(address, "address is null");
        requireNonNull(device, "device is null");
    }

    public String getAddress() { return address; }
    public String getDevice() { return device; }
}
