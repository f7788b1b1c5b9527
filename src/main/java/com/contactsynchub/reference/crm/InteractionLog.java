package com.contactsynchub.reference.crm;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The interaction log of every contact (table ref_crm_interaction). */
@Repository
@Profile("demo")
class InteractionLog {

    private final NamedParameterJdbcTemplate jdbc;

    InteractionLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(String contactNo, String templateCode, String description, String documentType, String documentNo,
            String commandId, Instant at) {
        jdbc.update("""
                insert into ref_crm_interaction
                    (contact_no, template_code, description, document_type, document_no, command_id, recorded_at)
                values (:contactNo, :templateCode, :description, :documentType, :documentNo, :commandId, :at)
                """, new MapSqlParameterSource("contactNo", contactNo)
                .addValue("templateCode", templateCode)
                .addValue("description", description)
                .addValue("documentType", documentType)
                .addValue("documentNo", documentNo)
                .addValue("commandId", commandId)
                .addValue("at", Timestamp.from(at)));
    }

    List<Interaction> of(String contactNo) {
        return jdbc.query("""
                select id, contact_no, template_code, description, document_type, document_no, command_id, recorded_at
                from ref_crm_interaction where contact_no = :contactNo order by id
                """, new MapSqlParameterSource("contactNo", contactNo), (rs, i) -> new Interaction(
                rs.getLong("id"), rs.getString("contact_no"), rs.getString("template_code"),
                rs.getString("description"), rs.getString("document_type"), rs.getString("document_no"),
                rs.getString("command_id"), rs.getObject("recorded_at", OffsetDateTime.class)));
    }
}
