package com.contactsynchub.reference.erp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.reference.FieldColumns;

/**
 * Customers, vendors and bank accounts (tables ref_erp_customer, ref_erp_vendor, ref_erp_bank_account). The SQL
 * is assembled from {@link FinanceKind}'s and {@link CommonField}'s constant names only; values are named
 * parameters.
 */
@Repository
@Profile("demo")
class FinanceRecordRepository {

    private final NamedParameterJdbcTemplate jdbc;

    FinanceRecordRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FinanceRecord> find(FinanceKind kind, String no) {
        return jdbc.query("select * from " + kind.table() + " where " + kind.keyColumn() + " = :no",
                new MapSqlParameterSource("no", no), (rs, i) -> map(kind, rs)).stream().findFirst();
    }

    Optional<FinanceRecord> findForUpdate(FinanceKind kind, String no) {
        return jdbc.query("select * from " + kind.table() + " where " + kind.keyColumn() + " = :no for update",
                new MapSqlParameterSource("no", no), (rs, i) -> map(kind, rs)).stream().findFirst();
    }

    boolean exists(FinanceKind kind, String no) {
        Integer count = jdbc.queryForObject("select count(*) from " + kind.table() + " where " + kind.keyColumn()
                + " = :no", new MapSqlParameterSource("no", no), Integer.class);
        return count != null && count > 0;
    }

    List<FinanceRecord> list(FinanceKind kind) {
        return jdbc.query("select * from " + kind.table() + " order by " + kind.keyColumn(), (rs, i) -> map(kind, rs));
    }

    void insert(FinanceRecord record) {
        FinanceKind kind = record.kind();
        List<String> columns = new ArrayList<>(List.of(kind.keyColumn(), "version"));
        var params = new MapSqlParameterSource(kind.keyColumn(), record.no()).addValue("version", record.version());
        if (kind.hasContactType()) {
            columns.add("contact_type");
            params.addValue("contact_type", record.contactType());
        }
        for (CommonField field : FieldColumns.fieldsOf(kind.recordType())) {
            columns.add(FieldColumns.column(field));
            params.addValue(FieldColumns.column(field), record.fields().get(field));
        }
        for (String name : kind.financeFields().keySet()) {
            columns.add(FieldColumns.snakeCase(name));
            params.addValue(FieldColumns.snakeCase(name), record.finance().get(name));
        }
        jdbc.update("insert into " + kind.table() + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")", params);
    }

    /** Applies the given values and raises the version by one in the same statement. */
    boolean update(FinanceKind kind, String no, Map<CommonField, String> fields, Map<String, String> finance,
            String contactType) {
        List<String> assignments = new ArrayList<>();
        var params = FieldColumns.addValues(new MapSqlParameterSource("no", no), fields);
        if (!fields.isEmpty()) {
            assignments.add(FieldColumns.assignments(fields.keySet()));
        }
        finance.forEach((name, value) -> {
            if (kind.financeFields().containsKey(name)) { // only the kind's own, constant column names
                String column = FieldColumns.snakeCase(name);
                assignments.add(column + " = :" + column);
                params.addValue(column, value);
            }
        });
        if (contactType != null && kind.hasContactType()) {
            assignments.add("contact_type = :contactType");
            params.addValue("contactType", contactType);
        }
        assignments.add("version = version + 1");
        return jdbc.update("update " + kind.table() + " set " + String.join(", ", assignments) + " where "
                + kind.keyColumn() + " = :no", params) == 1;
    }

    void delete(FinanceKind kind, String no) {
        jdbc.update("delete from " + kind.table() + " where " + kind.keyColumn() + " = :no",
                new MapSqlParameterSource("no", no));
    }

    private static FinanceRecord map(FinanceKind kind, ResultSet rs) throws SQLException {
        Map<String, String> finance = new LinkedHashMap<>();
        for (String name : kind.financeFields().keySet()) {
            finance.put(name, rs.getString(FieldColumns.snakeCase(name)));
        }
        return new FinanceRecord(kind, rs.getString(kind.keyColumn()),
                kind.hasContactType() ? rs.getString("contact_type") : null,
                FieldColumns.read(rs, kind.recordType()), finance, rs.getLong("version"));
    }
}
