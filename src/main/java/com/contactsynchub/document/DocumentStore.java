package com.contactsynchub.document;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The hub's own record of the documents it asked for and the interactions it had logged (tables of V9). */
@Repository
public class DocumentStore {

    private static final String REQUEST_COLUMNS = """
            request_id, contact_no, relation_holder_no, document_type, document_no, customer_no, vendor_no,
            create_command_id, status, reason, customer_command_id, created_at, updated_at
            """;
    private static final RowMapper<DocumentRequest> REQUEST = (rs, i) -> new DocumentRequest(
            rs.getString("request_id"), rs.getString("contact_no"), rs.getString("relation_holder_no"),
            rs.getString("document_type"), rs.getString("document_no"), rs.getString("customer_no"),
            rs.getString("vendor_no"), rs.getString("create_command_id"), rs.getString("status"),
            rs.getString("reason"), rs.getString("customer_command_id"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    private static final RowMapper<DocumentInteraction> INTERACTION = (rs, i) -> new DocumentInteraction(
            rs.getString("command_id"), rs.getString("causation_id"), rs.getString("document_no"),
            rs.getString("document_type"), rs.getString("output_kind"), rs.getString("contact_no"),
            rs.getString("template_code"), rs.getString("status"), rs.getString("reason"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public DocumentStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A request that got a number and a document.create (status requested), or a refused one (rejected). */
    public void insert(DocumentRequest request) {
        OffsetDateTime now = now();
        jdbc.update("""
                insert into document_request (request_id, contact_no, relation_holder_no, document_type, document_no,
                    customer_no, vendor_no, create_command_id, status, reason, created_at, updated_at)
                values (:requestId, :contactNo, :holderNo, :documentType, :documentNo, :customerNo, :vendorNo,
                    :commandId, :status, :reason, :now, :now)
                """, new MapSqlParameterSource("requestId", request.requestId())
                .addValue("contactNo", request.contactNo())
                .addValue("holderNo", request.relationHolderNo())
                .addValue("documentType", request.documentType())
                .addValue("documentNo", request.documentNo())
                .addValue("customerNo", request.customerNo())
                .addValue("vendorNo", request.vendorNo())
                .addValue("commandId", request.createCommandId())
                .addValue("status", request.status())
                .addValue("reason", request.reason())
                .addValue("now", now));
    }

    public Optional<DocumentRequest> find(String requestId) {
        return one("where request_id = :v", requestId);
    }

    public Optional<DocumentRequest> findByDocumentNo(String documentNo) {
        return one("where document_no = :v", documentNo);
    }

    public Optional<DocumentRequest> findByCreateCommand(String commandId) {
        return one("where create_command_id = :v", commandId);
    }

    public Optional<DocumentRequest> findByCustomerCommand(String commandId) {
        return one("where customer_command_id = :v", commandId);
    }

    /** The newest requests first. */
    public List<DocumentRequest> list(int limit) {
        return jdbc.query("select " + REQUEST_COLUMNS + " from document_request order by created_at desc,"
                + " request_id fetch first :limit rows only", new MapSqlParameterSource("limit", limit), REQUEST);
    }

    /**
     * Moves a request waiting for the finance system to created or rejected; false when it is no longer waiting
     * (a second acknowledgement of the same command), so it is answered once.
     */
    public boolean finish(String requestId, String status, String reason) {
        return jdbc.update("""
                update document_request set status = :status, reason = :reason, updated_at = :now
                where request_id = :requestId and status = 'requested'
                """, new MapSqlParameterSource("requestId", requestId).addValue("status", status)
                .addValue("reason", reason).addValue("now", now())) == 1;
    }

    /** Sales quotes of this relation holder that have no customer and were not rejected, oldest first. */
    public List<DocumentRequest> openQuotesWithoutCustomer(String relationHolderNo) {
        return jdbc.query("select " + REQUEST_COLUMNS + """
                from document_request
                where relation_holder_no = :holderNo and document_type = 'salesQuote'
                  and status in ('requested', 'created') and customer_no is null
                order by created_at, request_id
                """, new MapSqlParameterSource("holderNo", relationHolderNo), REQUEST);
    }

    /** Records the customer given to an open quote; false when it got one in the meantime. */
    public boolean assignCustomer(String requestId, String customerNo, String commandId) {
        return jdbc.update("""
                update document_request set customer_no = :customerNo, customer_command_id = :commandId,
                    updated_at = :now
                where request_id = :requestId and customer_no is null
                """, new MapSqlParameterSource("requestId", requestId).addValue("customerNo", customerNo)
                .addValue("commandId", commandId).addValue("now", now())) == 1;
    }

    /** The finance system refused the customer: the quote is open again for the next link. */
    public boolean withdrawCustomer(String commandId, String reason) {
        return jdbc.update("""
                update document_request set customer_no = null, customer_command_id = null, reason = :reason,
                    updated_at = :now
                where customer_command_id = :commandId
                """, new MapSqlParameterSource("commandId", commandId).addValue("reason", reason)
                .addValue("now", now())) == 1;
    }

    public void insert(DocumentInteraction interaction) {
        OffsetDateTime now = now();
        jdbc.update("""
                insert into document_interaction (command_id, causation_id, document_no, document_type, output_kind,
                    contact_no, template_code, status, created_at, updated_at)
                values (:commandId, :causationId, :documentNo, :documentType, :output, :contactNo, :templateCode,
                    'sent', :now, :now)
                """, new MapSqlParameterSource("commandId", interaction.commandId())
                .addValue("causationId", interaction.causationId())
                .addValue("documentNo", interaction.documentNo())
                .addValue("documentType", interaction.documentType())
                .addValue("output", interaction.output())
                .addValue("contactNo", interaction.contactNo())
                .addValue("templateCode", interaction.templateCode())
                .addValue("now", now));
    }

    public Optional<DocumentInteraction> findInteraction(String commandId) {
        return jdbc.query("select * from document_interaction where command_id = :commandId",
                new MapSqlParameterSource("commandId", commandId), INTERACTION).stream().findFirst();
    }

    public List<DocumentInteraction> interactionsOf(String documentNo) {
        return jdbc.query("select * from document_interaction where document_no = :documentNo"
                + " order by created_at, command_id", new MapSqlParameterSource("documentNo", documentNo), INTERACTION);
    }

    /** Records the contact system's answer once; false for a repeated acknowledgement. */
    public boolean acknowledgeInteraction(String commandId, String status, String reason) {
        return jdbc.update("""
                update document_interaction set status = :status, reason = :reason, updated_at = :now
                where command_id = :commandId and status = 'sent'
                """, new MapSqlParameterSource("commandId", commandId).addValue("status", status)
                .addValue("reason", reason).addValue("now", now())) == 1;
    }

    /** Whether the command is one this feature sent (a document.create, document.update or interaction.record). */
    public boolean isOurCommand(String commandId) {
        Integer count = jdbc.queryForObject("""
                select (select count(*) from document_request
                        where create_command_id = :commandId or customer_command_id = :commandId)
                     + (select count(*) from document_interaction where command_id = :commandId)
                """, new MapSqlParameterSource("commandId", commandId), Integer.class);
        return count != null && count > 0;
    }

    private Optional<DocumentRequest> one(String where, String value) {
        return jdbc.query("select " + REQUEST_COLUMNS + " from document_request " + where,
                new MapSqlParameterSource("v", value), REQUEST).stream().findFirst();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
