package com.contactsynchub.reference.erp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.reference.FieldColumns;
import com.contactsynchub.reference.NumberSeries;
import com.contactsynchub.reference.ReferenceProblem;
import com.contactsynchub.reference.ReferencePublisher;
import com.contactsynchub.reference.ReferenceSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference finance system's behaviour. Every change of a customer, vendor or bank account, by a user or by
 * the hub, is published with the record's full common fields and new version ({@code customer.changed} after the
 * hub's own {@code customer.update} is an echo the hub must recognise). Printing or e-mailing a document publishes
 * {@code document.printed} / {@code document.emailed}. Checks come first, then the write, then the publish.
 */
@Service
@Profile("demo")
public class FinanceSystem {

    private static final Logger log = LoggerFactory.getLogger(FinanceSystem.class);

    private final FinanceRecordRepository records;
    private final DocumentRepository documents;
    private final NumberSeries numbers;
    private final ReferencePublisher publisher;
    private final ObjectMapper mapper;
    private final Clock clock;

    FinanceSystem(FinanceRecordRepository records, DocumentRepository documents, NamedParameterJdbcTemplate jdbc,
            ReferencePublisher publisher, ObjectMapper mapper, Clock clock) {
        this.records = records;
        this.documents = documents;
        this.numbers = new NumberSeries(jdbc, ReferenceSystem.ERP);
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Optional<FinanceRecord> find(FinanceKind kind, String no) {
        return records.find(kind, no);
    }

    public List<FinanceRecord> list(FinanceKind kind) {
        return records.list(kind);
    }

    /**
     * Creates a record (numbered {@code CUST-0001}, ... when no no. is given) and publishes {@code <type>.created}.
     *
     * @param finance the finance-only values; for the hub's create commands its {@code templateFields}, which
     *                may also name common fields and then win over {@code fields}
     */
    @Transactional
    public FinanceRecord create(FinanceKind kind, String no, String contactType, Map<CommonField, String> fields,
            Map<String, String> finance) {
        if (no != null) {
            checkNo(kind, no);
            if (records.exists(kind, no)) {
                throw ReferenceProblem.conflict(kind.caption() + " " + no + " already exists.");
            }
        }
        String type = contactType == null ? "company" : contactType;
        if (!type.equals("company") && !type.equals("person")) {
            throw ReferenceProblem.badRequest("contactType: must be company or person, not '" + type + "'");
        }
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        values.putAll(fields);
        Map<String, String> financeValues = new LinkedHashMap<>();
        applyTemplate(kind, finance, values, financeValues);
        String recordNo = no != null ? no : numbers.next(kind.recordType().wireName(), n -> records.exists(kind, n));
        records.insert(new FinanceRecord(kind, recordNo, kind.hasContactType() ? type : null, values, financeValues, 1));
        FinanceRecord created = records.find(kind, recordNo).orElseThrow();
        publish(kind.created(), created);
        return created;
    }

    /** Applies the given values and publishes {@code <type>.changed} with the full current common fields. */
    @Transactional
    public FinanceRecord change(FinanceKind kind, String no, Map<CommonField, String> fields,
            Map<String, String> finance, String contactType) {
        if (!records.exists(kind, no)) {
            throw unknown(kind, no);
        }
        if (contactType != null && !contactType.equals("company") && !contactType.equals("person")) {
            throw ReferenceProblem.badRequest("contactType: must be company or person, not '" + contactType + "'");
        }
        Map<CommonField, String> values = new EnumMap<>(CommonField.class);
        values.putAll(fields);
        Map<String, String> financeValues = new LinkedHashMap<>();
        applyTemplate(kind, finance, values, financeValues);
        records.update(kind, no, values, financeValues, contactType);
        FinanceRecord changed = records.find(kind, no).orElseThrow();
        publish(kind.changed(), changed);
        return changed;
    }

    @Transactional
    public void delete(FinanceKind kind, String no) {
        FinanceRecord record = records.findForUpdate(kind, no).orElseThrow(() -> unknown(kind, no));
        records.delete(kind, no);
        ObjectNode data = mapper.createObjectNode().put(kind.recordType().keyField(), no);
        publisher.publish(ReferenceSystem.ERP, kind.deleted(), groupId(kind, no), record.version() + 1, data);
    }

    /** Stores a document the hub asked for; its customer or vendor must exist. */
    @Transactional
    public Document createDocument(InboundMessage command) {
        String no = command.text("documentNo");
        if (documents.exists(no)) {
            throw ReferenceProblem.conflict("Document " + no + " already exists.");
        }
        String customerNo = command.text("customerNo");
        String vendorNo = command.text("vendorNo");
        if (customerNo != null && !records.exists(FinanceKind.CUSTOMER, customerNo)) {
            throw unknown(FinanceKind.CUSTOMER, customerNo);
        }
        if (vendorNo != null && !records.exists(FinanceKind.VENDOR, vendorNo)) {
            throw unknown(FinanceKind.VENDOR, vendorNo);
        }
        List<Document.Line> lines = new ArrayList<>();
        int lineNo = 10000; // BC numbers document lines in steps of 10000
        for (JsonNode line : command.body().path("lines")) {
            lines.add(new Document.Line(lineNo, text(line, "itemNo"), text(line, "description"),
                    line.get("quantity").decimalValue(),
                    line.hasNonNull("unitPrice") ? line.get("unitPrice").decimalValue() : null));
            lineNo += 10000;
        }
        Document document = new Document(no, command.text("documentType"), customerNo, vendorNo,
                command.text("contactNo"), null, lines);
        documents.insert(document, command.text("commandId"), clock.instant());
        return documents.find(no).orElseThrow();
    }

    /**
     * Gives an open sales quote, made for a contact that was not yet a customer, its customer
     * ({@code document.update}). Giving it the customer it already has changes nothing.
     */
    @Transactional
    public Document assignCustomer(String documentNo, String customerNo) {
        Document document = documents.find(documentNo)
                .orElseThrow(() -> ReferenceProblem.notFound("Document " + documentNo + " does not exist."));
        if (!"salesQuote".equals(document.documentType())) {
            throw ReferenceProblem.conflict("Document " + documentNo + " is a " + document.documentType()
                    + "; only a sales quote is given its customer afterwards.");
        }
        if (document.customerNo() != null && !document.customerNo().equals(customerNo)) {
            throw ReferenceProblem.conflict("Sales quote " + documentNo + " already has customer "
                    + document.customerNo() + ".");
        }
        if (!records.exists(FinanceKind.CUSTOMER, customerNo)) {
            throw unknown(FinanceKind.CUSTOMER, customerNo);
        }
        documents.setCustomer(documentNo, customerNo);
        return documents.find(documentNo).orElseThrow();
    }

    public Optional<Document> document(String no) {
        return documents.find(no);
    }

    public List<Document> documents() {
        return documents.list();
    }

    /**
     * Prints or e-mails a document: publishes {@code document.printed} / {@code document.emailed} naming its
     * customer or vendor and the contact person (the given one, else the document's contact).
     */
    public String output(String documentNo, MessageType type, String contactNo, String description) {
        Document document = documents.find(documentNo)
                .orElseThrow(() -> ReferenceProblem.notFound("Document " + documentNo + " does not exist."));
        if (document.customerNo() == null && document.vendorNo() == null) {
            throw ReferenceProblem.conflict("Document " + documentNo
                    + " has no customer or vendor; it can be sent only once the contact is a customer.");
        }
        ObjectNode data = mapper.createObjectNode();
        data.put("documentNo", documentNo);
        data.put("documentType", document.documentType());
        if (document.customerNo() != null) {
            data.put("customerNo", document.customerNo());
        } else {
            data.put("vendorNo", document.vendorNo());
        }
        String person = contactNo != null ? contactNo : document.contactNo();
        if (person != null) {
            data.put("contactNo", person);
        }
        if (description != null) {
            data.put("description", description);
        }
        return publisher.publish(ReferenceSystem.ERP, type, "document:" + documentNo, null, data);
    }

    /** The record as its events carry it (without the envelope). */
    public ObjectNode toJson(FinanceRecord record) {
        ObjectNode json = mapper.createObjectNode();
        json.put(record.kind().recordType().keyField(), record.no());
        if (record.kind().hasContactType()) {
            json.put("contactType", record.contactType());
        }
        json.set("fields", FieldColumns.toJson(record.fields(), record.kind().recordType()));
        return json;
    }

    /**
     * Sorts template (or finance) values: a common field of the kind overrides the contact's value (the template
     * wins), a finance-only field is kept; anything else the finance system does not have is ignored.
     */
    private void applyTemplate(FinanceKind kind, Map<String, String> template, Map<CommonField, String> fields,
            Map<String, String> finance) {
        for (Iterator<Map.Entry<String, String>> it = template.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Integer maxLength = kind.financeFields().get(entry.getKey());
            var common = CommonField.fromFieldName(entry.getKey()).filter(f -> f.appliesTo(kind.recordType()));
            if (common.isPresent()) {
                fields.put(common.get(), FieldColumns.normalise(common.get(), entry.getValue()));
            } else if (maxLength != null) {
                String value = entry.getValue();
                if (value != null && value.length() > maxLength) {
                    throw ReferenceProblem.badRequest(entry.getKey() + ": " + value.length()
                            + " characters, the limit is " + maxLength);
                }
                finance.put(entry.getKey(), value);
            } else {
                log.info("erp: {} has no field {}; value ignored", kind.caption(), entry.getKey());
            }
        }
    }

    private void publish(MessageType type, FinanceRecord record) {
        publisher.publish(ReferenceSystem.ERP, type, groupId(record.kind(), record.no()), record.version(),
                toJson(record));
    }

    private static String groupId(FinanceKind kind, String no) {
        return ReferencePublisher.groupId(kind.recordType(), no);
    }

    private static void checkNo(FinanceKind kind, String no) {
        if (no.isBlank() || no.length() > 20 || !no.equals(no.strip())) {
            throw ReferenceProblem.badRequest(kind.recordType().keyField()
                    + ": must be 1 to 20 characters without surrounding blanks");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static ReferenceProblem unknown(FinanceKind kind, String no) {
        return ReferenceProblem.notFound(kind.caption() + " " + no + " does not exist.");
    }
}
