package com.contactsynchub.reference.erp;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Sales and purchase documents with their lines (tables ref_erp_document, ref_erp_document_line). */
@Repository
@Profile("demo")
class DocumentRepository {

    private final NamedParameterJdbcTemplate jdbc;

    DocumentRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String documentNo) {
        Integer count = jdbc.queryForObject("select count(*) from ref_erp_document where document_no = :no",
                new MapSqlParameterSource("no", documentNo), Integer.class);
        return count != null && count > 0;
    }

    void insert(Document document, String commandId, Instant at) {
        jdbc.update("""
                insert into ref_erp_document (document_no, document_type, customer_no, vendor_no, contact_no, command_id, created_at)
                values (:no, :type, :customerNo, :vendorNo, :contactNo, :commandId, :at)
                """, new MapSqlParameterSource("no", document.documentNo())
                .addValue("type", document.documentType())
                .addValue("customerNo", document.customerNo())
                .addValue("vendorNo", document.vendorNo())
                .addValue("contactNo", document.contactNo())
                .addValue("commandId", commandId)
                .addValue("at", Timestamp.from(at)));
        for (Document.Line line : document.lines()) {
            jdbc.update("""
                    insert into ref_erp_document_line (document_no, line_no, item_no, description, quantity, unit_price)
                    values (:no, :lineNo, :itemNo, :description, :quantity, :unitPrice)
                    """, new MapSqlParameterSource("no", document.documentNo())
                    .addValue("lineNo", line.lineNo())
                    .addValue("itemNo", line.itemNo())
                    .addValue("description", line.description())
                    .addValue("quantity", line.quantity())
                    .addValue("unitPrice", line.unitPrice()));
        }
    }

    void setCustomer(String documentNo, String customerNo) {
        jdbc.update("update ref_erp_document set customer_no = :customerNo where document_no = :no",
                new MapSqlParameterSource("no", documentNo).addValue("customerNo", customerNo));
    }

    Optional<Document> find(String documentNo) {
        return query("where document_no = :no", new MapSqlParameterSource("no", documentNo)).stream().findFirst();
    }

    List<Document> list() {
        return query("", new MapSqlParameterSource());
    }

    private List<Document> query(String where, MapSqlParameterSource params) {
        return jdbc.query("select document_no, document_type, customer_no, vendor_no, contact_no, created_at"
                + " from ref_erp_document " + where + " order by document_no", params, (rs, i) -> new Document(
                rs.getString("document_no"), rs.getString("document_type"), rs.getString("customer_no"),
                rs.getString("vendor_no"), rs.getString("contact_no"),
                rs.getObject("created_at", OffsetDateTime.class), lines(rs.getString("document_no"))));
    }

    private List<Document.Line> lines(String documentNo) {
        return jdbc.query("""
                select line_no, item_no, description, quantity, unit_price from ref_erp_document_line
                where document_no = :no order by line_no
                """, new MapSqlParameterSource("no", documentNo), (rs, i) -> new Document.Line(
                rs.getInt("line_no"), rs.getString("item_no"), rs.getString("description"),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price")));
    }
}
