package com.contactsynchub.coupling;

import java.util.ArrayList;
import java.util.List;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.link.LinkType;

/**
 * What a coupling run is asked to do, from the API's body or a dropped file's JSON.
 *
 * @param linkType       {@code customer} (default), {@code vendor} or {@code bankAccount}
 * @param dryRun         true (default): report only; apply later with POST /api/couplings/{id}/apply
 * @param createContacts an unmatched record gets a contact on apply (default false: left alone)
 * @param master         {@code record} (default: the finance record's fields win once) or {@code contact}
 */
public record CouplingOptions(String linkType, Boolean dryRun, Boolean createContacts, String master) {

    /** Checked, with the defaults filled in; every problem is named. */
    public Checked check() {
        List<String> problems = new ArrayList<>();
        String typeName = linkType == null ? "customer" : linkType;
        LinkType type = LinkType.fromWireName(typeName).orElse(null);
        if (type == null) {
            problems.add("linkType: '" + typeName + "' is not one of customer, vendor, bankAccount");
        }
        String masterSide = master == null ? "record" : master;
        if (!masterSide.equals("record") && !masterSide.equals("contact")) {
            problems.add("master: '" + masterSide + "' is not one of record, contact");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Checked(type, dryRun == null || dryRun, Boolean.TRUE.equals(createContacts), masterSide);
    }

    public record Checked(LinkType linkType, boolean dryRun, boolean createContacts, String master) {
    }
}
