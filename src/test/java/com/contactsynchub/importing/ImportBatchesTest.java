package com.contactsynchub.importing;

import static com.contactsynchub.importing.FileDropEndToEndTest.awaitReport;
import static com.contactsynchub.importing.FileDropEndToEndTest.drop;
import static com.contactsynchub.importing.FileDropEndToEndTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;

/**
 * Rows applied several per database transaction (docs/importing.md, Batches) behave as if each were its own: a row
 * that fails for a reason of its own takes no other row of its batch down, and a record's second row in a batch
 * sees its first applied. Every file here fits in one batch.
 */
@SpringBootTest(properties = {"hub.import.poll-delay=200", "hub.import.read-lock-min-age=500",
        "hub.import.read-lock-check-interval=200", "hub.import.batch-size=500", "hub.import.batch-time=10s"})
@ActiveProfiles("test")
class ImportBatchesTest {

    /** Contacts whose number starts with this fail in the intake every time, as a bug would make them. */
    static final String FAILING = "BADK";

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingRows {
        @Bean
        EventHandler failsForSomeContacts() {
            return new EventHandler() {
                @Override
                public boolean handles(InboundMessage message) {
                    return message.recordNo() != null && message.recordNo().startsWith(FAILING);
                }

                @Override
                public Optional<String> lockKey(InboundMessage message) {
                    return Optional.empty();
                }

                @Override
                public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
                    throw new IllegalStateException("test: contact " + message.recordNo() + " always fails");
                }
            };
        }
    }

    @Autowired
    ImportProperties folders;
    @Autowired
    KnownRecords known;

    @Test
    void aRowThatFailsOnItsOwnIsReportedAndTheOtherRowsOfItsBatchAreApplied() throws Exception {
        String u = unique();
        String csv = "No.;Name\n" + "CA" + u + ";Alpha\n" + FAILING + u + ";Broken\n" + "CC" + u + ";Gamma\n";
        Path file = drop(folders.crmContacts(), "contacts-" + u + ".csv", csv.getBytes(StandardCharsets.UTF_8));

        List<String> lines = Files.readAllLines(awaitReport(folders.crmContacts(), "done",
                file.getFileName().toString()));
        assertThat(lines).anyMatch(l -> l.startsWith("row 2 | CA" + u + " | created | new contact recorded"));
        assertThat(lines).anyMatch(l -> l.startsWith("row 3 | " + FAILING + u + " | error | could not be applied: "
                + "java.lang.IllegalStateException: test: contact " + FAILING + u + " always fails"));
        assertThat(lines).anyMatch(l -> l.startsWith("row 4 | CC" + u + " | created | new contact recorded"));
        assertThat(lines).contains("Totals: 3 row(s): 2 created, 0 updated, 0 unchanged, 0 not linked, 0 skipped, "
                + "1 error");
        assertThat(known.find(RecordType.CONTACT, "CA" + u)).isPresent();
        assertThat(known.find(RecordType.CONTACT, "CC" + u)).isPresent();
        assertThat(known.find(RecordType.CONTACT, FAILING + u)).as("rolled back").isEmpty();
    }

    @Test
    void aRecordsSecondRowInABatchSeesItsFirstRowApplied() throws Exception {
        String u = unique();
        String csv = "No.;Name\n" + "CD" + u + ";First\n" + "CE" + u + ";Other\n" + "CD" + u + ";Second\n";
        Path file = drop(folders.crmContacts(), "contacts-" + u + ".csv", csv.getBytes(StandardCharsets.UTF_8));

        List<String> lines = Files.readAllLines(awaitReport(folders.crmContacts(), "done",
                file.getFileName().toString()));
        assertThat(lines).anyMatch(l -> l.startsWith("row 2 | CD" + u + " | created | new contact recorded"));
        // the hub knows the contact from line 2 by now: a change, not a second creation
        assertThat(lines).anyMatch(l -> l.startsWith("row 4 | CD" + u + " | not linked | ")
                && l.contains("contact.changed"));
        assertThat(lines).contains("Totals: 3 row(s): 2 created, 0 updated, 0 unchanged, 1 not linked, 0 skipped, "
                + "0 error");
        assertThat(known.find(RecordType.CONTACT, "CD" + u).orElseThrow().fields().get("name").asText())
                .isEqualTo("Second");
    }
}
