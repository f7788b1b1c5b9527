package com.contactsynchub.crash;

import java.util.ArrayList;
import java.util.List;

/** A company contact linked to a customer and, for every third group, a vendor: the records that must agree. */
record Group(int index, SimRecord contact, SimRecord customer, SimRecord vendor) {

    List<SimRecord> members() {
        List<SimRecord> members = new ArrayList<>(List.of(contact, customer));
        if (vendor != null) {
            members.add(vendor);
        }
        return members;
    }

    String describe() {
        return "group " + index + " (" + String.join(", ", members().stream().map(SimRecord::toString).toList()) + ")";
    }
}
