package com.contactsynchub.reference.crm;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.reference.FieldColumns;
import com.contactsynchub.reference.NumberSeries;
import com.contactsynchub.reference.ReferenceProblem;
import com.contactsynchub.reference.ReferencePublisher;
import com.contactsynchub.reference.ReferenceSystem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference contact system's behaviour. Every change, whether a user made it through the REST API or the hub
 * asked for it with a command, is published like a real contact system would: {@code contact.created},
 * {@code contact.changed} with the contact's full current fields (so the hub's own writes come back as echoes),
 * {@code contact.deleted}; each with the contact's new version. Checks come first, then the write, then the
 * publish, all in one transaction.
 */
@Service
@Profile("demo")
public class ContactSystem {

    private final ContactRepository contacts;
    private final InteractionLog interactions;
    private final RequestLog requests;
    private final NumberSeries numbers;
    private final ReferencePublisher publisher;
    private final ObjectMapper mapper;
    private final Clock clock;

    ContactSystem(ContactRepository contacts, InteractionLog interactions, RequestLog requests,
            NamedParameterJdbcTemplate jdbc, ReferencePublisher publisher, ObjectMapper mapper, Clock clock) {
        this.contacts = contacts;
        this.interactions = interactions;
        this.requests = requests;
        this.numbers = new NumberSeries(jdbc, ReferenceSystem.CRM);
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Optional<Contact> find(String contactNo) {
        return contacts.find(contactNo);
    }

    public List<Contact> list() {
        return contacts.list();
    }

    /** Creates a contact (numbered {@code CRM-0001}, ... when no no. is given) and publishes contact.created. */
    @Transactional
    public Contact create(String contactNo, String contactType, String companyNo, boolean privacyBlocked,
            Map<CommonField, String> fields) {
        String type = contactType == null ? Contact.COMPANY : contactType;
        if (!Contact.COMPANY.equals(type) && !Contact.PERSON.equals(type)) {
            throw ReferenceProblem.badRequest("contactType: must be company or person, not '" + type + "'");
        }
        if (contactNo != null) {
            checkNo(contactNo);
            if (contacts.exists(contactNo)) {
                throw ReferenceProblem.conflict("Contact " + contactNo + " already exists.");
            }
        }
        checkCompany(type, companyNo);
        String no = contactNo != null ? contactNo : numbers.next("contact", contacts::exists);
        Contact contact = new Contact(no, type, companyNo, privacyBlocked, fields, 1);
        contacts.insert(contact);
        Contact stored = contacts.find(no).orElseThrow();
        publish(MessageType.CONTACT_CREATED, stored);
        return stored;
    }

    /** Applies the change (never the contact type) and publishes contact.changed with the full current fields. */
    @Transactional
    public Contact change(String contactNo, ContactChange change) {
        Contact current = contacts.find(contactNo).orElseThrow(() -> unknown(contactNo));
        if (change.companyNoGiven()) {
            checkCompany(current.contactType(), change.companyNo());
        }
        contacts.update(contactNo, change);
        Contact changed = contacts.find(contactNo).orElseThrow();
        publish(MessageType.CONTACT_CHANGED, changed);
        return changed;
    }

    @Transactional
    public void delete(String contactNo) {
        Contact contact = contacts.findForUpdate(contactNo).orElseThrow(() -> unknown(contactNo));
        contacts.delete(contactNo);
        ObjectNode data = mapper.createObjectNode().put("contactNo", contactNo);
        publisher.publish(ReferenceSystem.CRM, MessageType.CONTACT_DELETED, groupId(contactNo),
                contact.version() + 1, data);
    }

    public List<Interaction> interactions(String contactNo) {
        if (!contacts.exists(contactNo)) {
            throw unknown(contactNo);
        }
        return interactions.of(contactNo);
    }

    @Transactional
    public void recordInteraction(InboundMessage command) {
        String contactNo = command.text("contactNo");
        if (!contacts.exists(contactNo)) {
            throw unknown(contactNo);
        }
        interactions.append(contactNo, command.text("templateCode"), command.text("description"),
                command.text("documentType"), command.text("documentNo"), command.text("commandId"), clock.instant());
    }

    /** Keeps the hub's answer (request.completed / request.rejected) to one of this system's requests. */
    @Transactional
    public void receiveAnswer(InboundMessage answer) {
        requests.answered(answer.messageId(), answer.text("requestId"), answer.type().wireName(),
                answer.text("reason"), answer.raw(), clock.instant());
    }

    /** The contact as its events carry it (without the envelope). */
    public ObjectNode toJson(Contact contact) {
        ObjectNode json = mapper.createObjectNode();
        json.put("contactNo", contact.contactNo());
        json.put("contactType", contact.contactType());
        json.put("companyNo", contact.companyNo());
        json.put("privacyBlocked", contact.privacyBlocked());
        json.set("fields", FieldColumns.toJson(contact.fields(), RecordType.CONTACT));
        return json;
    }

    private void publish(MessageType type, Contact contact) {
        publisher.publish(ReferenceSystem.CRM, type, groupId(contact.contactNo()), contact.version(), toJson(contact));
    }

    private void checkCompany(String contactType, String companyNo) {
        if (companyNo == null) {
            return;
        }
        if (Contact.COMPANY.equals(contactType)) {
            throw ReferenceProblem.badRequest("companyNo: only a person can belong to a company");
        }
        Contact company = contacts.find(companyNo)
                .orElseThrow(() -> ReferenceProblem.badRequest("companyNo: Contact " + companyNo + " does not exist."));
        if (!company.isCompany()) {
            throw ReferenceProblem.badRequest("companyNo: Contact " + companyNo + " is not a company.");
        }
    }

    static void checkNo(String no) {
        if (no.isBlank() || no.length() > 20 || !no.equals(no.strip())) {
            throw ReferenceProblem.badRequest("contactNo: must be 1 to 20 characters without surrounding blanks");
        }
    }

    private static String groupId(String contactNo) {
        return ReferencePublisher.groupId(RecordType.CONTACT, contactNo);
    }

    private static ReferenceProblem unknown(String contactNo) {
        return ReferenceProblem.notFound("Contact " + contactNo + " does not exist.");
    }
}
