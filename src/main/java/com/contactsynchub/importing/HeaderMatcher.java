package com.contactsynchub.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.importing.ColumnMapping.Column;
import com.contactsynchub.importing.ColumnMapping.Target;

/**
 * Reads a CSV header row: each column is matched, without regard to case, spaces and punctuation, against the
 * field names of docs/messages.md ({@code phoneNo}) and Business Central's captions ({@code Phone No.},
 * {@code E-Mail}, {@code Country/Region Code}, {@code No.}, ...).
 */
public final class HeaderMatcher {

    /** BC captions whose letters differ from the field name (the others, e.g. "Phone No.", match already). */
    private static final Map<String, CommonField> CAPTIONS = Map.of(
            "registrationno", CommonField.REGISTRATION_NUMBER,
            "vatregno", CommonField.VAT_REGISTRATION_NO);

    private HeaderMatcher() {
    }

    /** Lower-case letters and digits only: {@code "Country/Region Code"} and {@code countryRegionCode} both give {@code countryregioncode}. */
    public static String normalise(String header) {
        String decomposed = Normalizer.normalize(header.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder();
        decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    /** The headers a file may use for each meaning, by normalised key. */
    static Map<String, Column> vocabulary(RecordType recordType) {
        Map<String, Column> words = new LinkedHashMap<>();
        words.put("no", new Column(-1, "No.", Target.RECORD_NO, null));
        if (recordType != RecordType.BANK_ACCOUNT) {
            // A bank account's "Bank Account No." is its account number at the bank (finance-only), not its No.
            words.put(normalise(recordType.keyField()), new Column(-1, recordType.keyField(), Target.RECORD_NO, null));
        }
        for (CommonField field : CommonField.of(recordType)) {
            words.put(normalise(field.fieldName()), new Column(-1, field.fieldName(), Target.FIELD, field));
        }
        CAPTIONS.forEach((key, field) -> {
            if (field.appliesTo(recordType)) {
                words.put(key, new Column(-1, field.fieldName(), Target.FIELD, field));
            }
        });
        if (recordType == RecordType.CONTACT || recordType == RecordType.CUSTOMER) {
            words.put("contacttype", new Column(-1, "contactType", Target.CONTACT_TYPE, null));
        }
        if (recordType == RecordType.CONTACT) {
            words.put("type", new Column(-1, "Type", Target.CONTACT_TYPE, null));
            words.put("companyno", new Column(-1, "companyNo", Target.COMPANY_NO, null));
            words.put("privacyblocked", new Column(-1, "privacyBlocked", Target.PRIVACY_BLOCKED, null));
        }
        return words;
    }

    /**
     * @throws UnreadableFileException when the header has no record number column, no known column at all, or two
     *                                 columns meaning the same field
     */
    public static ColumnMapping match(List<String> headers, RecordType recordType) {
        if (headers.isEmpty() || headers.stream().allMatch(String::isBlank)) {
            throw new UnreadableFileException("the first line is empty: the file needs a header row naming its "
                    + "columns (e.g. No.,Name,Phone No.)");
        }
        Map<String, Column> words = vocabulary(recordType);
        List<Column> columns = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            Column known = words.get(normalise(header));
            Column column = known == null ? new Column(i, header, Target.IGNORED, null)
                    : new Column(i, header, known.target(), known.field());
            if (column.target() != Target.IGNORED) {
                String earlier = seen.putIfAbsent(column.fieldName(), header);
                if (earlier != null) {
                    throw new UnreadableFileException("the columns '" + earlier + "' and '" + header
                            + "' both mean " + column.fieldName() + ": keep one of them");
                }
            }
            columns.add(column);
        }
        ColumnMapping mapping = new ColumnMapping(columns);
        boolean hasRecordNo = columns.stream().anyMatch(c -> c.target() == Target.RECORD_NO);
        if (columns.stream().allMatch(c -> c.target() == Target.IGNORED)) {
            throw new UnreadableFileException("none of the columns is known (" + String.join(", ", headers.stream()
                    .map(h -> "'" + h.strip() + "'").toList()) + "): the header row must name the fields, e.g. "
                    + "No., Name, Phone No., E-Mail (or " + recordType.keyField() + ", name, phoneNo, email)");
        }
        if (!hasRecordNo) {
            throw new UnreadableFileException("no column holds the " + recordType.wireName() + " no.: name it 'No.'"
                    + (recordType == RecordType.BANK_ACCOUNT ? "" : " or '" + recordType.keyField() + "'"));
        }
        return mapping;
    }
}
