package com.contactsynchub.reference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The common fields as the reference systems store them: one column per field, named in snake case
 * ({@code phoneNo} -> {@code phone_no}). Column names only ever come from {@link CommonField}, never from input, so
 * SQL assembled from them stays safe; values always travel as named parameters.
 */
public final class FieldColumns {

    private FieldColumns() {
    }

    public static String column(CommonField field) {
        return snakeCase(field.fieldName());
    }

    public static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** The comma-separated columns of a record type's common fields, for select and insert lists. */
    public static String columnList(RecordType type) {
        return CommonField.of(type).stream().map(FieldColumns::column).collect(Collectors.joining(", "));
    }

    /** {@code :name, :name2, ...} matching {@link #columnList}. */
    public static String parameterList(RecordType type) {
        return CommonField.of(type).stream().map(f -> ":" + column(f)).collect(Collectors.joining(", "));
    }

    /** {@code name = :name, city = :city} for the given fields only. */
    public static String assignments(Iterable<CommonField> fields) {
        StringBuilder sql = new StringBuilder();
        for (Iterator<CommonField> it = fields.iterator(); it.hasNext(); ) {
            String column = column(it.next());
            sql.append(column).append(" = :").append(column);
            if (it.hasNext()) {
                sql.append(", ");
            }
        }
        return sql.toString();
    }

    public static MapSqlParameterSource addValues(MapSqlParameterSource params, Map<CommonField, String> values) {
        values.forEach((field, value) -> params.addValue(column(field), value));
        return params;
    }

    /** Every common field of the type, null where the record has no value. */
    public static Map<CommonField, String> read(ResultSet rs, RecordType type) throws SQLException {
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        for (CommonField field : CommonField.of(type)) {
            values.put(field, rs.getString(column(field)));
        }
        return values;
    }

    /** Every common field of the type, for {@code fields} of an event: a record's full current values. */
    public static ObjectNode toJson(Map<CommonField, String> values, RecordType type) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (CommonField field : CommonField.of(type)) {
            json.put(field.fieldName(), values.get(field));
        }
        return json;
    }

    /**
     * Reads the fields present in {@code json} the way Business Central takes input: Code values upper-case
     * without surrounding blanks, Text as typed, and a value longer than the field refused.
     *
     * @throws ReferenceProblem naming the field when it is unknown for the type, not text, or too long
     */
    public static Map<CommonField, String> fromJson(JsonNode json, RecordType type) {
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        if (json == null || json.isNull()) {
            return values;
        }
        if (!json.isObject()) {
            throw ReferenceProblem.badRequest("fields: must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            var entry = it.next();
            CommonField field = CommonField.fromFieldName(entry.getKey())
                    .filter(f -> f.appliesTo(type))
                    .orElseThrow(() -> ReferenceProblem.badRequest("fields." + entry.getKey()
                            + ": is not a common field of a " + type.wireName()));
            values.put(field, normalise(field, entry.getValue()));
        }
        return values;
    }

    public static String normalise(CommonField field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ReferenceProblem.badRequest("fields." + field.fieldName() + ": must be a string");
        }
        return normalise(field, node.asText());
    }

    public static String normalise(CommonField field, String value) {
        if (value == null) {
            return null;
        }
        String stored = field.kind() == CommonField.Kind.CODE ? value.strip().toUpperCase(Locale.ROOT) : value;
        int length = stored.codePointCount(0, stored.length());
        if (length > field.maxLength()) {
            throw ReferenceProblem.badRequest("fields." + field.fieldName() + ": " + length
                    + " characters, the limit is " + field.maxLength());
        }
        return stored;
    }

    public static List<CommonField> fieldsOf(RecordType type) {
        return CommonField.of(type);
    }
}
