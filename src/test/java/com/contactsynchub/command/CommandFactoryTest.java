package com.contactsynchub.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.Validation;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class CommandFactoryTest {

    private final CommandFactory factory =
            new CommandFactory(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void theSameCauseGivesTheSameCommandId() {
        var fields = JsonNodeFactory.instance.objectNode();
        fields.putObject("fields").put("phoneNo", "+44 20 7946 0001");
        var first = factory.create("event-1", MessageType.CUSTOMER_UPDATE, "customer:C00010", "customerNo", "C00010", fields);
        var again = factory.create("event-1", MessageType.CUSTOMER_UPDATE, "customer:C00010", "customerNo", "C00010", fields);

        assertThat(again.commandId()).isEqualTo(first.commandId());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(factory.create("event-1", MessageType.VENDOR_UPDATE, "vendor:V00010", "vendorNo", "V00010", fields)
                .commandId()).isNotEqualTo(first.commandId());
        assertThat(factory.create("event-2", MessageType.CUSTOMER_UPDATE, "customer:C00010", "customerNo", "C00010", fields)
                .commandId()).isNotEqualTo(first.commandId());
    }

    @Test
    void aCommandCarriesTheEnvelopeAndValidatesAgainstItsSchema() {
        var payload = JsonNodeFactory.instance.objectNode();
        payload.putObject("fields").put("city", "Atlanta");
        var command = factory.create("event-7", MessageType.CONTACT_UPDATE, "contact:CT000001", "contactNo", "CT000001",
                payload);

        assertThat(command.channel()).isEqualTo(Channel.CRM_COMMANDS);
        assertThat(command.body().get("commandId").asText()).isEqualTo(command.commandId());
        assertThat(command.body().get("messageId").asText()).isEqualTo(command.commandId());
        assertThat(command.body().get("causationId").asText()).isEqualTo("event-7");
        assertThat(command.body().get("occurredAt").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(new MessageValidator().validate(command.body().toString(), Channel.CRM_COMMANDS))
                .isInstanceOf(Validation.Valid.class);
    }

    @Test
    void onlyCommandTypesCanBeCommands() {
        assertThatThrownBy(() -> factory.create("e", MessageType.CONTACT_CHANGED, "contact:1", "contactNo", "1",
                JsonNodeFactory.instance.objectNode())).hasMessageContaining("contact.changed is not a command");
    }
}
