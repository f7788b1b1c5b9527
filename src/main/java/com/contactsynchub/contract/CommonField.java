package com.contactsynchub.contract;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields kept identical on both sides (docs/domain.md, "Fields kept identical on both sides"), with Business
 * Central's type and length and the record types that have them. The same table is in
 * {@code schemas/common.schema.json}; {@code CommonFieldSchemaTest} keeps the two in step.
 */
public enum CommonField {
    NAME("name", Kind.TEXT, 100),
    NAME2("name2", Kind.TEXT, 50),
    SEARCH_NAME("searchName", Kind.CODE, 100),
    ADDRESS("address", Kind.TEXT, 100),
    ADDRESS2("address2", Kind.TEXT, 50),
    CITY("city", Kind.TEXT, 30),
    POST_CODE("postCode", Kind.CODE, 20),
    COUNTY("county", Kind.TEXT, 30),
    COUNTRY_REGION_CODE("countryRegionCode", Kind.CODE, 10),
    PHONE_NO("phoneNo", Kind.TEXT, 30),
    MOBILE_PHONE_NO("mobilePhoneNo", Kind.TEXT, 30),
    FAX_NO("faxNo", Kind.TEXT, 30),
    TELEX_NO("telexNo", Kind.TEXT, 20),
    TELEX_ANSWER_BACK("telexAnswerBack", Kind.TEXT, 20),
    EMAIL("email", Kind.TEXT, 80),
    HOME_PAGE("homePage", Kind.TEXT, 80),
    TERRITORY_CODE("territoryCode", Kind.CODE, 10),
    CURRENCY_CODE("currencyCode", Kind.CODE, 10),
    LANGUAGE_CODE("languageCode", Kind.CODE, 10),
    FORMAT_REGION("formatRegion", Kind.TEXT, 80),
    VAT_REGISTRATION_NO("vatRegistrationNo", Kind.TEXT, 20,
            RecordType.CONTACT, RecordType.CUSTOMER, RecordType.VENDOR),
    REGISTRATION_NUMBER("registrationNumber", Kind.TEXT, 50),
    // A vendor's purchaser code and a bank account's "our contact code" are their own fields.
    SALESPERSON_CODE("salespersonCode", Kind.CODE, 20, RecordType.CONTACT, RecordType.CUSTOMER);

    /** BC's Text keeps what was typed; Code is upper-case without leading or trailing blanks. */
    public enum Kind { TEXT, CODE }

    private final String fieldName;
    private final Kind kind;
    private final int maxLength;
    private final Set<RecordType> recordTypes;

    CommonField(String fieldName, Kind kind, int maxLength) {
        this(fieldName, kind, maxLength, RecordType.values());
    }

    CommonField(String fieldName, Kind kind, int maxLength, RecordType... recordTypes) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.maxLength = maxLength;
        this.recordTypes = EnumSet.copyOf(Arrays.asList(recordTypes));
    }

    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean appliesTo(RecordType recordType) {
        return recordTypes.contains(recordType);
    }

    /** The fields a record of this type shares with a contact (for a contact: all of them). */
    public static List<CommonField> of(RecordType recordType) {
        return Arrays.stream(values()).filter(f -> f.appliesTo(recordType)).toList();
    }

    public static Optional<CommonField> fromFieldName(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst();
    }
}
