package com.contactsynchub.sync;

import com.contactsynchub.contract.CommonField;

/** How a common field's value is compared and written: blank and absent are the same, Code is upper-case and trimmed. */
public final class FieldValues {

    private FieldValues() {
    }

    /** The value as Business Central would store it: never null; Code values trimmed and upper-cased. */
    public static String normalize(CommonField field, String value) {
        if (value == null) {
            return "";
        }
        return field.kind() == CommonField.Kind.CODE ? upperCase(value.strip()) : value;
    }

    /**
     * The common fields of a message's {@code fields} object that {@code type} has, normalised; fields not present are
     * left out (absent says nothing about a field).
     */
    public static java.util.Map<CommonField, String> of(com.fasterxml.jackson.databind.JsonNode fields,
            com.contactsynchub.contract.RecordType type) {
        java.util.Map<CommonField, String> values = new java.util.EnumMap<>(CommonField.class);
        for (CommonField field : CommonField.of(type)) {
            if (fields != null && fields.has(field.fieldName())) {
                var value = fields.get(field.fieldName());
                values.put(field, normalize(field, value.isNull() ? null : value.asText()));
            }
        }
        return values;
    }

    /**
     * Upper-cases character by character, as Business Central does: "ß" stays "ß" instead of becoming "SS", so a
     * value never grows past its field's length by being upper-cased.
     */
    static String upperCase(String value) {
        StringBuilder upper = new StringBuilder(value.length());
        value.codePoints().forEach(c -> upper.appendCodePoint(Character.toUpperCase(c)));
        return upper.toString();
    }
}
