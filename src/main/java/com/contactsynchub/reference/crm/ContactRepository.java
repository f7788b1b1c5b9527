package com.contactsynchub.reference.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.contract.RecordType;
import com.contactsynchub.reference.FieldColumns;

/** The contact system's contacts (table ref_crm_contact). */
@Repository
@Profile("demo")
class ContactRepository {

    private static final String COLUMNS = "contact_no, contact_type, company_no, privacy_blocked, "
            + FieldColumns.columnList(RecordType.CONTACT) + ", version";

    private final NamedParameterJdbcTemplate jdbc;

    ContactRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Contact> find(String contactNo) {
        return jdbc.query("select " + COLUMNS + " from ref_crm_contact where contact_no = :contactNo",
                new MapSqlParameterSource("contactNo", contactNo), ContactRepository::map).stream().findFirst();
    }

    /** Reads the contact and locks its row until the transaction ends. */
    Optional<Contact> findForUpdate(String contactNo) {
        return jdbc.query("select " + COLUMNS + " from ref_crm_contact where contact_no = :contactNo for update",
                new MapSqlParameterSource("contactNo", contactNo), ContactRepository::map).stream().findFirst();
    }

    boolean exists(String contactNo) {
        Integer count = jdbc.queryForObject("select count(*) from ref_crm_contact where contact_no = :contactNo",
                new MapSqlParameterSource("contactNo", contactNo), Integer.class);
        return count != null && count > 0;
    }

    List<Contact> list() {
        return jdbc.query("select " + COLUMNS + " from ref_crm_contact order by contact_no", ContactRepository::map);
    }

    void insert(Contact contact) {
        var params = FieldColumns.addValues(new MapSqlParameterSource(), contact.fields())
                .addValue("contactNo", contact.contactNo())
                .addValue("contactType", contact.contactType())
                .addValue("companyNo", contact.companyNo())
                .addValue("privacyBlocked", contact.privacyBlocked())
                .addValue("version", contact.version());
        for (var field : FieldColumns.fieldsOf(RecordType.CONTACT)) {
            if (!params.hasValue(FieldColumns.column(field))) {
                params.addValue(FieldColumns.column(field), null);
            }
        }
        jdbc.update("insert into ref_crm_contact (" + COLUMNS + ") values (:contactNo, :contactType, :companyNo, "
                + ":privacyBlocked, " + FieldColumns.parameterList(RecordType.CONTACT) + ", :version)", params);
    }

    /**
     * Applies the change and raises the version by one in the same statement, so concurrent edits of one contact
     * each get their own version. Returns false when the contact does not exist.
     */
    boolean update(String contactNo, ContactChange change) {
        List<String> assignments = new ArrayList<>();
        var params = FieldColumns.addValues(new MapSqlParameterSource("contactNo", contactNo), change.fields());
        if (!change.fields().isEmpty()) {
            assignments.add(FieldColumns.assignments(change.fields().keySet()));
        }
        if (change.companyNoGiven()) {
            assignments.add("company_no = :companyNo");
            params.addValue("companyNo", change.companyNo());
        }
        if (change.privacyBlocked() != null) {
            assignments.add("privacy_blocked = :privacyBlocked");
            params.addValue("privacyBlocked", change.privacyBlocked());
        }
        assignments.add("version = version + 1");
        return jdbc.update("update ref_crm_contact set " + String.join(", ", assignments)
                + " where contact_no = :contactNo", params) == 1;
    }

    void delete(String contactNo) {
        jdbc.update("delete from ref_crm_contact where contact_no = :contactNo",
                new MapSqlParameterSource("contactNo", contactNo));
    }

    private static Contact map(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getString("contact_no"), rs.getString("contact_type"), rs.getString("company_no"),
                rs.getBoolean("privacy_blocked"), FieldColumns.read(rs, RecordType.CONTACT), rs.getLong("version"));
    }
}
