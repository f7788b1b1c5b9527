package com.contactsynchub.reference.crm;

import java.time.Clock;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.reference.CommandDesk;
import com.contactsynchub.reference.FieldColumns;
import com.contactsynchub.reference.ProcessedCommands;
import com.contactsynchub.reference.ReferenceJmsConfiguration;
import com.contactsynchub.reference.ReferencePublisher;
import com.contactsynchub.reference.ReferenceProblem;
import com.contactsynchub.reference.ReferenceSystem;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The contact system's end of {@code crm.commands}: the hub's commands, each answered with command.acknowledged. */
@Component
@Profile("demo")
class CrmCommandListener {

    private final ContactSystem contacts;
    private final CommandDesk desk;

    CrmCommandListener(ContactSystem contacts, MessageValidator validator, ReferencePublisher publisher,
            NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper mapper, Clock clock) {
        this.contacts = contacts;
        this.desk = new CommandDesk(ReferenceSystem.CRM, validator, publisher,
                new ProcessedCommands(jdbc, ReferenceSystem.CRM), transaction, mapper, clock);
    }

    @JmsListener(id = "reference-crm-commands", destination = "${hub.queues.crm-commands}",
            containerFactory = ReferenceJmsConfiguration.LISTENER_FACTORY)
    void onCommand(Message message) throws JMSException {
        desk.handle(message, this::apply);
    }

    private void apply(InboundMessage command) {
        switch (command.type()) {
            case CONTACT_CREATE -> contacts.create(command.recordNo(), command.text("contactType"), null, false,
                    FieldColumns.fromJson(command.body().get("fields"), RecordType.CONTACT));
            // contactType is never taken from an update: it is set once, at creation
            case CONTACT_UPDATE -> contacts.change(command.recordNo(),
                    ContactChange.ofFields(FieldColumns.fromJson(command.body().get("fields"), RecordType.CONTACT)));
            case INTERACTION_RECORD -> contacts.recordInteraction(command);
            case REQUEST_COMPLETED, REQUEST_REJECTED -> contacts.receiveAnswer(command);
            default -> throw ReferenceProblem.badRequest(command.type().wireName()
                    + " is not a command of the contact system");
        }
    }
}
