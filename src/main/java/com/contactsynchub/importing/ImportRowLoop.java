package com.contactsynchub.importing;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import com.contactsynchub.camel.HubErrorHandling;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.link.request.AutoContactHandler;
import com.contactsynchub.intake.EventIntake;
import com.contactsynchub.intake.IntakeResult;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.intake.RecordStateMerger;
import com.contactsynchub.link.LinkRegistry;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The row loop: every row of a file becomes a record event (or a reported problem) that goes through the same
 * {@link EventIntake} as the queues, in batches of rows in one database transaction; each row is reported once its
 * batch committed. Dry runs predict instead ({@link DryRunPredictor}).
 */
@Component
class ImportRowLoop {

    /** Logs as the file importer, as before these classes were split from it. */
    private static final Logger log = LoggerFactory.getLogger(FileImporter.class);

    /** How a pass over the rows ended. */
    enum End {
        /** Every row applied (or predicted) and reported. */
        DONE,
        /** The hub is shutting down: the rows read but not applied are applied by the import's next attempt. */
        STOPPED,
        /** Another hub took the import over. */
        LOST
    }

    private final ImportProperties properties;
    private final FileImports imports;
    private final EventIntake intake;
    private final MessageValidator validator;
    private final KnownRecords knownRecords;
    private final LinkRegistry links;
    private final DryRunPredictor predictor;
    private final Clock clock;

    ImportRowLoop(ImportProperties properties, FileImports imports, EventIntake intake, MessageValidator validator,
            KnownRecords knownRecords, LinkRegistry links, DryRunPredictor predictor, Clock clock) {
        this.properties = properties;
        this.imports = imports;
        this.intake = intake;
        this.validator = validator;
        this.knownRecords = knownRecords;
        this.links = links;
        this.predictor = predictor;
        this.clock = clock;
    }

    /** Reads, applies and reports the rows of {@code source} in file order. */
    End apply(ImportRows source, RowContext context, ImportReport report, ImportProgress progress,
            BooleanSupplier stopping) throws IOException {
        Batch batch = new Batch(context, report, progress);
        while (source.hasNext()) {
            if (stopping.getAsBoolean()) {
                return End.STOPPED;
            }
            SourceRow sourceRow = source.next();
            batch.add(prepare(sourceRow, context, batch));
            if (batch.lost || batch.isDue() && !batch.flush()) {
                return End.LOST;
            }
        }
        return batch.flush() ? End.DONE : End.LOST;
    }

    /** @param resumed a later attempt of the import: rows may have been received by an earlier one */
    /** @param noAutoContacts the file asks for no automatic contacts ({@link AutomaticContacts}) */
    record RowContext(ImportFolder folder, String sha256, OffsetDateTime occurredAt, boolean dryRun,
            boolean resumed, boolean noAutoContacts) {

        /** The features the intake leaves out for this file's rows. */
        java.util.function.Predicate<com.contactsynchub.intake.EventHandler> leaveOut() {
            return handler -> noAutoContacts && handler instanceof AutoContactHandler;
        }
    }

    /**
     * A row read from the file: either its outcome is known already ({@code outcome}: a bad row, a skipped one, a
     * dry run's prediction) or it is an event for the intake ({@code event}).
     */
    private record Pending(RowPosition at, String recordNo, RowOutcome outcome, Prepared event) {

        static Pending done(RowPosition at, String recordNo, RowOutcome outcome) {
            return new Pending(at, recordNo, outcome, null);
        }
    }

    /** An event for the intake with what the report needs to describe it, read before it was applied. */
    private record Prepared(String json, InboundMessage message, Optional<KnownRecord> before, boolean created,
            boolean stale, List<String> notes) {
    }

    private Pending prepare(SourceRow sourceRow, RowContext context, Batch batch) throws IOException {
        if (sourceRow instanceof SourceRow.Csv csv) {
            return prepareCsv(csv.row(), csv.position(), context, batch);
        }
        if (sourceRow instanceof SourceRow.JsonLine json) {
            return prepareEvent(sourceRow.position(), json.text(), null, context, List.of(), batch);
        }
        if (sourceRow instanceof SourceRow.TooLong tooLong) {
            return Pending.done(sourceRow.position(), null, RowOutcome.error("the line is " + tooLong.chars()
                    + " characters long, the limit is " + MessageValidator.MAX_MESSAGE_CHARS));
        }
        return Pending.done(sourceRow.position(), null, RowOutcome.skipped(sourceRow.position().csv() ? "empty row"
                : "empty line"));
    }

    private Pending prepareCsv(MappedRow mapped, RowPosition at, RowContext context, Batch batch) throws IOException {
        if (!mapped.valid()) {
            return Pending.done(at, mapped.recordNo(), RowOutcome.error(String.join("; ",
                    mapped.problems())));
        }
        // What is read below must see the rows before this one applied, as if each row were its own transaction.
        batch.applyRowsOf(mapped.recordNo());
        RecordType recordType = context.folder().recordType();
        Optional<KnownRecord> known = knownRecords.find(recordType, mapped.recordNo());
        if (known.isPresent() && known.get().deleted()) {
            return Pending.done(at, mapped.recordNo(), RowOutcome.skipped(recordType.wireName() + " "
                    + mapped.recordNo() + " was deleted: a file does not bring it back"));
        }
        String messageId = RowEvents.messageId(context.sha256(), mapped.line());
        // Only a resumed import can meet its own rows again: the content is claimed once (a finished claim keeps
        // its key; dry runs and refused files applied nothing), so a first attempt saves the look-up.
        Optional<String> typeBefore = context.dryRun() || !context.resumed() ? Optional.empty()
                : imports.typeReceivedBefore(messageId);
        boolean created = typeBefore.map(type -> type.endsWith(".created")).orElseGet(() ->
                recordType == RecordType.CONTACT ? known.isEmpty()
                        : links.findByRecord(RowEvents.linkType(recordType), mapped.recordNo()).isEmpty());
        List<String> notes = new ArrayList<>(mapped.notes());
        MappedRow row = mapped;
        if (created && recordType == RecordType.CONTACT && mapped.contactType() == null) {
            notes.add("no Type given: created as a company (BC's default)");
            row = new MappedRow(mapped.line(), mapped.recordNo(), mapped.fields(), "company", mapped.companyNo(),
                    mapped.privacyBlocked(), mapped.notes(), mapped.problems());
        }
        ObjectNode event = RowEvents.event(row, RowEvents.typeFor(recordType, created), messageId,
                context.occurredAt(), context.folder().source());
        return prepareEvent(at, event.toString(), known, context, notes, batch);
    }

    /** @param known the record as the hub knows it, when already read (CSV); null to read it here (JSON Lines) */
    private Pending prepareEvent(RowPosition line, String json, Optional<KnownRecord> known, RowContext context,
            List<String> notes, Batch batch) throws IOException {
        ImportFolder folder = context.folder();
        Validation validation = validator.validate(json, folder.channel());
        if (validation instanceof Validation.Invalid invalid) {
            return Pending.done(line, null, RowOutcome.error(invalid.reason()));
        }
        InboundMessage message = ((Validation.Valid) validation).message();
        if (message.recordType().orElse(null) != folder.recordType()) {
            return Pending.done(line, message.recordNo(), RowOutcome.error("type: '" + message.type().wireName()
                    + "' does not belong in " + folder.path() + " (only " + folder.recordType().wireName()
                    + " events)"));
        }
        if (known == null) {
            batch.applyRowsOf(message.recordNo());
        }
        Optional<KnownRecord> before = known != null ? known : knownRecords.find(folder.recordType(), message.recordNo());
        boolean created = message.type().wireName().endsWith(".created");
        boolean stale = RecordStateMerger.isStale(before, message);
        if (context.dryRun()) {
            RowOutcome outcome = stale ? staleOutcome(before.get()) : predictor.predict(message, before, created,
                    context.noAutoContacts());
            return Pending.done(line, message.recordNo(), withNotes(outcome, notes));
        }
        return new Pending(line, message.recordNo(), null, new Prepared(json, message, before, created, stale, notes));
    }

    /** The outcome of an event the intake applied (or recognised as applied before). */
    private RowOutcome describe(Prepared event, IntakeResult result) {
        RowOutcome outcome = event.stale() && result.commands().isEmpty() ? staleOutcome(event.before().get())
                : OutcomeDescriber.describe(result, event.created(), isLinked(event.message()));
        return withNotes(outcome, event.notes());
    }

    private static RowOutcome withNotes(RowOutcome outcome, List<String> notes) {
        return notes.isEmpty() ? outcome
                : new RowOutcome(outcome.kind(), outcome.text() + " (note: " + String.join("; ", notes) + ")");
    }

    /**
     * The events of up to {@code hub.import.batch-size} rows go through the intake in one database transaction
     * ({@link EventIntake#receiveAll}): a commit per row was what limited imports. The rows are reported in file
     * order once their transaction committed, and only then counted as done. A resumed import recognises each row
     * of a committed batch by its message id, and a batch that did not commit left nothing behind.
     */
    private final class Batch {
        private final RowContext context;
        private final ImportReport report;
        private final ImportProgress progress;
        private final List<Pending> rows = new ArrayList<>();
        /** Record nos. with an event in this batch. */
        private final Set<String> records = new HashSet<>();
        private Instant started;
        /** Set when applying rows found the claim taken over by another hub. */
        private boolean lost;

        Batch(RowContext context, ImportReport report, ImportProgress progress) {
            this.context = context;
            this.report = report;
            this.progress = progress;
        }

        void add(Pending row) {
            if (rows.isEmpty()) {
                started = clock.instant();
            }
            rows.add(row);
            if (row.event() != null) {
                records.add(row.recordNo());
            }
        }

        /** Full, or its first row waited long enough: applied now, so that progress keeps moving. */
        boolean isDue() {
            return rows.size() >= properties.batchSize()
                    || !rows.isEmpty() && Duration.between(started, clock.instant()).compareTo(properties.batchTime()) >= 0;
        }

        /**
         * A row about a record that has an event in this batch is read after the batch is applied: its created or
         * changed, stale and deleted must see the row before it, as when every row was a transaction of its own.
         */
        void applyRowsOf(String recordNo) throws IOException {
            if (records.contains(recordNo) && !flush()) {
                lost = true;
            }
        }

        /** Applies and reports the rows read; false when the claim was lost to another hub. */
        boolean flush() throws IOException {
            if (rows.isEmpty()) {
                return true;
            }
            List<Prepared> events = rows.stream().map(Pending::event).filter(e -> e != null).toList();
            List<RowOutcome> applied = apply(events);
            int next = 0;
            for (Pending row : rows) {
                RowOutcome outcome = row.event() == null ? row.outcome() : applied.get(next++);
                report.row(row.at(), row.recordNo(), outcome);
            }
            int count = rows.size();
            rows.clear();
            records.clear();
            return progress.advance(count);
        }

        private List<RowOutcome> apply(List<Prepared> events) {
            if (events.isEmpty()) {
                return List.of();
            }
            Channel channel = context.folder().channel();
            List<IntakeResult> results;
            try {
                // its commands leave through the outbox and the relay
                results = intake.receiveAll(events.stream().map(Prepared::json).toList(), channel,
                        context.leaveOut());
            } catch (RuntimeException batchFailed) {
                if (HubErrorHandling.isDatabaseAway(batchFailed)) {
                    throw batchFailed; // the import stops; its next attempt starts again (the claim is still ours)
                }
                // One row may have failed for a reason of its own: the others must not go down with it.
                log.warn("A batch of {} rows of an import failed ({}); applying them one by one", events.size(),
                        batchFailed.toString());
                return events.stream().map(event -> applyAlone(event, channel)).toList();
            }
            List<RowOutcome> outcomes = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                outcomes.add(describe(events.get(i), results.get(i)));
            }
            return outcomes;
        }

        /** A row in its own transaction; a failure that is neither the database away nor a passing conflict is its own. */
        private RowOutcome applyAlone(Prepared event, Channel channel) {
            for (int attempt = 1;; attempt++) {
                try {
                    return describe(event, intake.receive(event.json(), channel, context.leaveOut()));
                } catch (TransientDataAccessException | DuplicateKeyException conflict) {
                    // a lock timeout or deadlock passes; a message id recorded by another hub at the same moment
                    // (a take-over race) is found as a duplicate by the next try
                    if (attempt >= 3) {
                        throw conflict;
                    }
                } catch (RuntimeException failed) {
                    if (HubErrorHandling.isDatabaseAway(failed)) {
                        throw failed;
                    }
                    log.warn("Row with message id {} could not be applied", event.message().messageId(), failed);
                    return RowOutcome.error("could not be applied: " + failed);
                }
            }
        }
    }

    private boolean isLinked(InboundMessage message) {
        RecordType recordType = message.recordType().orElseThrow();
        return recordType == RecordType.CONTACT ? !links.relationsOf(message.recordNo()).isEmpty()
                : links.findByRecord(RowEvents.linkType(recordType), message.recordNo()).isPresent();
    }

    private static RowOutcome staleOutcome(KnownRecord known) {
        return RowOutcome.skipped("older than what the hub knows of the record (its state of " + known.occurredAt()
                + "): not applied");
    }
}
