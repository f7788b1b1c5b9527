package com.contactsynchub.coupling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.contract.RecordType;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a coupling run matches: the records the hub knows (known_record, fed by the event queues and by file imports)
 * and the links of the run's type. Read-only; the links are made through the intake, never here.
 */
@Repository
public class CouplingSources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;

    public CouplingSources(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The finance records of the type that are not deleted. */
    public List<CouplingMatcher.FinanceRecord> financeRecords(LinkType type) {
        List<CouplingMatcher.FinanceRecord> records = new ArrayList<>();
        jdbc.query("select record_no, fields from known_record where record_type = :type and deleted = false",
                Map.of("type", type.recordType().wireName()), rs -> {
                    records.add(new CouplingMatcher.FinanceRecord(rs.getString("record_no"),
                            read(rs.getString("fields"))));
                });
        return records;
    }

    /**
     * Contacts that can hold a link: companies and persons without a company (a person's relations are its
     * company's, docs/domain.md "The link"). Privacy-blocked ones stay in: the link request refuses them with BC's
     * message, which the report then shows.
     */
    public List<CouplingMatcher.Candidate> candidates() {
        List<CouplingMatcher.Candidate> contacts = new ArrayList<>();
        jdbc.query("""
                select record_no, fields from known_record
                where record_type = :type and deleted = false
                  and (contact_type is null or contact_type <> 'person' or company_no is null)
                """, Map.of("type", RecordType.CONTACT.wireName()), rs -> {
                    contacts.add(new CouplingMatcher.Candidate(rs.getString("record_no"),
                            read(rs.getString("fields"))));
                });
        return contacts;
    }

    public List<CouplingMatcher.ExistingLink> links(LinkType type) {
        return jdbc.query("select contact_no, record_no, status from contact_link where link_type = :type",
                Map.of("type", type.wireName()), (rs, i) -> new CouplingMatcher.ExistingLink(
                        rs.getString("contact_no"), rs.getString("record_no"), rs.getString("status")));
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("known_record.fields is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
