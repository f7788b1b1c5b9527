package com.contactsynchub.reference.crm;

import java.util.Map;

import com.contactsynchub.contract.CommonField;

/**
 * What one edit changes on a contact: only the fields present are touched. The contact type is not here on
 * purpose: it is set once, at creation.
 *
 * @param companyNoGiven whether {@code companyNo} is part of the change (then null clears it)
 * @param privacyBlocked the new value, or null to leave it
 */
public record ContactChange(Map<CommonField, String> fields, boolean companyNoGiven, String companyNo,
        Boolean privacyBlocked) {

    public static ContactChange ofFields(Map<CommonField, String> fields) {
        return new ContactChange(fields, false, null, null);
    }
}
