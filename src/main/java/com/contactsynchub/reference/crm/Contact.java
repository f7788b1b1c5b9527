package com.contactsynchub.reference.crm;

import java.util.Map;

import com.contactsynchub.contract.CommonField;

/** A contact of the reference contact system: a company or a person (who may belong to a company). */
public record Contact(String contactNo, String contactType, String companyNo, boolean privacyBlocked,
        Map<CommonField, String> fields, long version) {

    public static final String COMPANY = "company";
    public static final String PERSON = "person";

    public boolean isCompany() {
        return COMPANY.equals(contactType);
    }
}
