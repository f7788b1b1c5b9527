package com.contactsynchub.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.contactsynchub.contract.RecordType;
import com.contactsynchub.sync.SyncGroup.Confirmation;

/**
 * How each system shows that it applied the hub's writes (docs/sync.md, Systems that do not echo). Many systems
 * publish no change event for writes made by the integration (Business Central does not run the Modify trigger on
 * the integration's writes); for them a later user edit must not look like a conflict with a write still on its way.
 *
 * @param crm the contact system (contacts)
 * @param erp the finance system (customers, vendors, bank accounts)
 */
@ConfigurationProperties("hub.systems")
public record SystemBehaviour(@DefaultValue Settings crm, @DefaultValue Settings erp) {

    /**
     * @param echoes              the system publishes a change event for the hub's own writes (the default)
     * @param acknowledgesUpdates without echoes: the system answers each update with {@code command.acknowledged};
     *                            if it does not either, a write counts as applied once the hub has decided to send it
     */
    public record Settings(@DefaultValue("true") boolean echoes, @DefaultValue("true") boolean acknowledgesUpdates) {
    }

    /** What confirms a write of the hub to a record of this type. */
    public Confirmation confirmation(RecordType type) {
        Settings system = type == RecordType.CONTACT ? crm : erp;
        if (system.echoes()) {
            return Confirmation.ECHO;
        }
        return system.acknowledgesUpdates() ? Confirmation.ACKNOWLEDGEMENT : Confirmation.SENDING;
    }

    /** Whether both systems publish the hub's writes back (the default). */
    public boolean everyoneEchoes() {
        return crm.echoes() && erp.echoes();
    }

}
