package com.contactsynchub.reference.erp;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.reference.CommandDesk;
import com.contactsynchub.reference.FieldColumns;
import com.contactsynchub.reference.ProcessedCommands;
import com.contactsynchub.reference.ReferenceJmsConfiguration;
import com.contactsynchub.reference.ReferenceProblem;
import com.contactsynchub.reference.ReferencePublisher;
import com.contactsynchub.reference.ReferenceSystem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The finance system's end of {@code erp.commands}: the hub's commands, each answered with command.acknowledged. */
@Component
@Profile("demo")
class ErpCommandListener {

    private final FinanceSystem finance;
    private final CommandDesk desk;

    ErpCommandListener(FinanceSystem finance, MessageValidator validator, ReferencePublisher publisher,
            NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper mapper, Clock clock) {
        this.finance = finance;
        this.desk = new CommandDesk(ReferenceSystem.ERP, validator, publisher,
                new ProcessedCommands(jdbc, ReferenceSystem.ERP), transaction, mapper, clock);
    }

    @JmsListener(id = "reference-erp-commands", destination = "${hub.queues.erp-commands}",
            containerFactory = ReferenceJmsConfiguration.LISTENER_FACTORY)
    void onCommand(Message message) throws JMSException {
        desk.handle(message, this::apply);
    }

    private void apply(InboundMessage command) {
        switch (command.type()) {
            case CUSTOMER_CREATE, VENDOR_CREATE, BANK_ACCOUNT_CREATE -> {
                FinanceKind kind = kindOf(command);
                finance.create(kind, command.recordNo(), command.text("contactType"),
                        FieldColumns.fromJson(command.body().get("fields"), kind.recordType()),
                        strings(command.body().get("templateFields")));
            }
            case CUSTOMER_UPDATE, VENDOR_UPDATE, BANK_ACCOUNT_UPDATE -> {
                FinanceKind kind = kindOf(command);
                finance.change(kind, command.recordNo(),
                        FieldColumns.fromJson(command.body().get("fields"), kind.recordType()), Map.of(), null);
            }
            case DOCUMENT_CREATE -> finance.createDocument(command);
            case DOCUMENT_UPDATE -> finance.assignCustomer(command.text("documentNo"), command.text("customerNo"));
            default -> throw ReferenceProblem.badRequest(command.type().wireName()
                    + " is not a command of the finance system");
        }
    }

    private static FinanceKind kindOf(InboundMessage command) {
        return command.recordType().flatMap(FinanceKind::of).orElseThrow();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        }
        return values;
    }
}
