package com.contactsynchub.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import com.contactsynchub.camel.HubErrorHandling;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.intake.EventIntake;
import com.contactsynchub.intake.IntakeResult;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.intake.RecordStateMerger;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.setup.SetupService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Imports one dropped file (called by the routes in routes/importing). The file is inspected first (SHA-256, readable
 * at all, row count); then its SHA-256 is claimed in {@code file_import}, so the same content is applied once
 * whatever its name and however many hubs watch the folder; then every row becomes a record event that goes
 * through the same {@link EventIntake} as the queues, and the commands decided are sent. A report line per row is
 * written as it goes; at the end file and report move to done/ (or error/ for a file that cannot be read).
 *
 * <p>A hub that stops mid-file leaves its claim running; after {@code hub.import.claim-timeout} without heartbeat
 * any hub takes it over and starts again at the first row: rows applied before have the same message ids
 * ({@code <sha-256 prefix>:<line>}), so the intake recognises them and only re-sends their commands.
 */
@Component("fileImporter")
public class FileImporter {

    private static final Logger log = LoggerFactory.getLogger(FileImporter.class);

    private final ImportProperties properties;
    private final FileImports imports;
    private final EventIntake intake;
    private final MessageValidator validator;
    private final KnownRecords knownRecords;
    private final LinkRegistry links;
    private final SetupService setup;
    private final Clock clock;
    /** This hub instance, as owner of its claims. */
    private final String instanceId;
    /** Claim keys this instance is importing now: a second local poll of the same content waits. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    /** Files another hub is importing, as inspected here: polled again unchanged, they are not read again. */
    private final Map<Path, Seen> busy = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public FileImporter(ImportProperties properties, FileImports imports, EventIntake intake,
            MessageValidator validator, KnownRecords knownRecords, LinkRegistry links, SetupService setup,
            Clock clock) {
        this.properties = properties;
        this.imports = imports;
        this.intake = intake;
        this.validator = validator;
        this.knownRecords = knownRecords;
        this.links = links;
        this.setup = setup;
        this.clock = clock;
        this.instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Stops running imports at the next row when the hub shuts down (before Camel waits for its in-flight files). */
    @EventListener(ContextClosedEvent.class)
    public void stop() {
        stopping = true;
    }

    /** Entry point from the routes. */
    public void importFile(String path, ImportFolder folder) throws IOException {
        Path file = Path.of(path);
        if (stopping || !Files.isRegularFile(file)) {
            return; // another hub moved it away since the poll listed it
        }
        String name = file.getFileName().toString();
        boolean dryRun = FileFormat.isDryRun(name);
        FileInspection inspection;
        Seen seen;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Seen before = busy.get(file);
            inspection = before != null && before.sameAs(attributes) ? before.inspection()
                    : FileInspector.inspect(file, folder.recordType());
            seen = new Seen(attributes.size(), attributes.lastModifiedTime().toMillis(), inspection);
        } catch (NoSuchFileException gone) {
            return;
        }
        OffsetDateTime modified = seen.modified();
        String claimKey = (dryRun ? "dryrun:" : "") + inspection.sha256();
        Claim claim = claim(claimKey, folder, name, dryRun, inspection, modified);
        if (claim instanceof Claim.Busy owner) {
            busy.keySet().removeIf(other -> !Files.exists(other)); // moved away by the hubs that imported them
            busy.put(file, seen);
            log.debug("{} is being imported by {}; left for now", name, owner.owner());
            return;
        }
        busy.remove(file);
        if (claim instanceof Claim.AlreadyImported already) {
            recogniseAgain(file, folder, inspection, seen, already.earlier());
        } else if (claim instanceof Claim.Mine mine) {
            try {
                if (seen.isStillAt(file)) {
                    run(file, folder, inspection, modified, mine.row());
                } else {
                    gone(file, mine);
                }
            } finally {
                active.remove(claimKey);
            }
        }
    }

    /**
     * A file as this hub inspected it. Another hub may move the file away between this hub's inspection and its
     * claim (several hubs watch one inbox and each polls every file): a claim won, or an earlier import found, only
     * after that other hub recorded its end. So a claim is acted on only if the file is still the one inspected.
     * The inspection of a file another hub is importing is kept, so that polling it again does not read it again.
     */
    private record Seen(long bytes, long modifiedMillis, FileInspection inspection) {

        OffsetDateTime modified() {
            return OffsetDateTime.ofInstant(Instant.ofEpochMilli(modifiedMillis), ZoneOffset.UTC);
        }

        boolean sameAs(BasicFileAttributes attributes) {
            return attributes.size() == bytes && attributes.lastModifiedTime().toMillis() == modifiedMillis;
        }

        boolean isStillAt(Path file) throws IOException {
            try {
                return sameAs(Files.readAttributes(file, BasicFileAttributes.class));
            } catch (NoSuchFileException gone) {
                return false;
            }
        }
    }

    /**
     * The claim was won, but the file is no longer what was inspected: another hub imported it and moved it away
     * after this hub had read it (a dry run or a refused file frees its content key when it ends), or it was
     * replaced. A new claim is withdrawn (the next poll sees what is there now). A claim taken over from a hub that
     * stopped can only mean the file left the inbox before that import recorded its end: it is ended as refused,
     * which frees the content, so that dropping the file again applies only the rows not applied before.
     */
    private void gone(Path file, Claim.Mine mine) {
        FileImport row = mine.row();
        if (!mine.takenOver()) {
            imports.withdraw(row.importId(), instanceId);
            log.debug("{} left the inbox or changed after this hub read it; claim {} withdrawn", file.getFileName(),
                    row.importId());
            return;
        }
        String summary = "refused: the file left the inbox (or changed) before this import was recorded as finished; "
                + "rows applied before stay applied, and dropping the file again applies only the others";
        imports.finish(row.importId(), instanceId, FileImport.REFUSED, FileImport.REFUSED + ":" + row.importId(),
                row.rowsDone(), summary, null, now());
        log.warn("Import {} of {}: {}", row.importId(), file.getFileName(), summary);
    }

    private sealed interface Claim {
        /** @param takenOver an import left running by a hub that stopped (or by this one), not a new one */
        record Mine(FileImport row, boolean takenOver) implements Claim {
        }

        record Busy(String owner) implements Claim {
        }

        record AlreadyImported(FileImport earlier) implements Claim {
        }
    }

    private Claim claim(String claimKey, ImportFolder folder, String name, boolean dryRun, FileInspection inspection,
            OffsetDateTime modified) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<FileImport> existing = imports.findByClaim(claimKey);
            OffsetDateTime now = now();
            if (existing.isEmpty()) {
                FileImport row = new FileImport(UUID.randomUUID().toString(), claimKey, inspection.sha256(),
                        folder.path(), name, dryRun, inspection.bytes(), FileImport.RUNNING, instanceId, 0, 1,
                        inspection.rows(), 0, now, now, now, null, null, null, null);
                try {
                    if (!active.add(claimKey)) {
                        return new Claim.Busy(instanceId);
                    }
                    imports.insert(row);
                    return new Claim.Mine(row, false);
                } catch (DuplicateKeyException lost) {
                    active.remove(claimKey);
                    continue; // another hub claimed it since the read: read its claim
                }
            }
            FileImport earlier = existing.get();
            if (!earlier.state().equals(FileImport.RUNNING)) {
                return new Claim.AlreadyImported(earlier);
            }
            boolean mine = earlier.ownerId().equals(instanceId);
            boolean stale = earlier.heartbeatAt().isBefore(now.minus(properties.claimTimeout()));
            if ((mine || stale) && active.add(claimKey)) {
                // the content may be taken over under another name (a copy dropped while its first file's hub
                // stalled): the import then records the file it applies and moves
                if (imports.takeOver(earlier.importId(), earlier.lease(), instanceId, folder.path(), name, now)) {
                    log.info("Resuming import {} of {} (left by {}): starting again at the first row; rows applied "
                            + "before are recognised by their message ids", earlier.importId(), name, earlier.ownerId());
                    return new Claim.Mine(imports.find(earlier.importId()).orElseThrow(), true);
                }
                active.remove(claimKey);
            }
            return new Claim.Busy(earlier.ownerId());
        }
        return new Claim.Busy("another hub");
    }

    private void run(Path file, ImportFolder folder, FileInspection inspection, OffsetDateTime modified,
            FileImport row) throws IOException {
        Path work = file.resolveSibling(".importing");
        Files.createDirectories(work);
        // one working report per attempt: a hub that lost the claim may still be writing its own for a moment
        Path reportFile = work.resolve(row.importId() + "." + row.attempts() + REPORT_SUFFIX);
        try {
            Progress progress = new Progress(row, inspection.rows());
            String state;
            String summary;
            long rows;
            try (Writer writer = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8);
                    ImportReport report = new ImportReport(writer)) {
                head(report, file, folder, inspection, modified, row, true);
                if (!inspection.readable()) {
                    state = FileImport.REFUSED;
                    summary = "refused: " + inspection.unreadable();
                    report.info("Refused: " + inspection.unreadable());
                    report.info("Nothing of this file was applied.");
                    report.finish("refused, moved to error/");
                    rows = 0;
                } else {
                    EmptyCells emptyCells = EmptyCells.forFile(file.getFileName().toString(), properties.emptyCells());
                    try (InputStream in = Files.newInputStream(file);
                            ImportRows source = ImportRows.open(in, inspection.format(), folder.recordType(),
                                    emptyCells)) {
                        if (source.mapping() != null) {
                            report.info("Separator: " + SeparatorDetector.describe(source.separator()));
                            report.info("Columns: " + source.mapping().describe());
                            report.info(emptyCells.describe(file.getFileName().toString()));
                            report.info("Rows are numbered as a spreadsheet shows them (the header is row 1); where a "
                                    + "value with a line break moves the file line, it is given too.");
                        }
                        report.info("");
                        RowContext context = new RowContext(folder, inspection.sha256(), modified, row.dryRun(),
                                row.attempts() > 1);
                        Batch batch = new Batch(context, report, progress);
                        while (source.hasNext()) {
                            if (stopping) {
                                // the rows read but not applied yet are applied by the import's next attempt
                                log.info("Import {} of {} stopped at row {} of {} because the hub is shutting down; "
                                        + "it resumes at the next start", row.importId(), file.getFileName(),
                                        progress.done, inspection.rows());
                                return;
                            }
                            SourceRow sourceRow = source.next();
                            batch.add(prepare(sourceRow, context, batch));
                            if (batch.lost || batch.isDue() && !batch.flush()) {
                                log.warn("Import {} of {} was taken over by another hub; this hub stops it",
                                        row.importId(), file.getFileName());
                                return;
                            }
                        }
                        if (!batch.flush()) {
                            log.warn("Import {} of {} was taken over by another hub; this hub stops it",
                                    row.importId(), file.getFileName());
                            return;
                        }
                    }
                    state = FileImport.DONE;
                    summary = (row.dryRun() ? "dry run, nothing changed: " : "") + report.totalsLine();
                    report.finish(row.dryRun() ? "dry run: nothing was changed" : "imported");
                    rows = report.rows();
                }
            }
            // Still ours? A hub whose heartbeat came too late (a starved machine) has lost the claim to another hub,
            // which is importing the same file now: moving it away would leave that import on a missing file, running
            // for ever. A fresh heartbeat keeps the claim for claim-timeout, far longer than the move takes.
            if (!imports.heartbeat(row.importId(), instanceId, progress.done, now())) {
                log.warn("Import {} of {} was taken over by another hub before it finished; the file is left to it",
                        row.importId(), file.getFileName());
                return;
            }
            Path target = moveWithReport(file, reportFile, FileImport.REFUSED.equals(state) ? "error" : "done",
                    REPORT_SUFFIX);
            String claimAfter = FileImport.DONE.equals(state) && !row.dryRun() ? row.claimKey()
                    : state + ":" + row.importId();
            imports.finish(row.importId(), instanceId, state, claimAfter, rows, summary,
                    target.resolveSibling(target.getFileName() + REPORT_SUFFIX).toString(), now());
            log.info("Import {} of {} ({}): {}; moved to {}", row.importId(), file.getFileName(), folder.path(),
                    summary, target);
        } finally {
            // an attempt that stopped early (shutdown, claim lost, database away) leaves no working report
            Files.deleteIfExists(reportFile);
        }
    }

    /** @param rows false for a file whose rows are not read (already imported): no row count in the head */
    private void head(ImportReport report, Path file, ImportFolder folder, FileInspection inspection,
            OffsetDateTime modified, FileImport row, boolean rows) throws IOException {
        report.info("File: " + file.getFileName() + " (" + folder.path() + ", " + inspection.bytes() + " bytes, "
                + "last modified " + modified + ")");
        report.info("Import: " + row.importId() + (row.attempts() > 1 ? " (attempt " + row.attempts() + ")" : "")
                + ", SHA-256 " + inspection.sha256());
        if (row.dryRun()) {
            report.info("DRY RUN: checked and reported only; nothing was changed and no command was sent.");
        }
        if (inspection.readable() && rows) {
            report.info("Format: " + (inspection.format() == FileFormat.CSV ? "CSV" : "JSON Lines") + ", "
                    + inspection.rows() + " row(s)");
        }
    }

    /**
     * Beside the original, the report carries the moved file's name plus {@code reportSuffix} ({@code .report.txt},
     * or for an already imported copy {@code .same-as-<earlier name>.report.txt}).
     */
    private Path moveWithReport(Path file, Path reportFile, String folderName, String reportSuffix)
            throws IOException {
        Path dir = file.resolveSibling(folderName);
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getFileName());
        if (Files.exists(target) || Files.exists(dir.resolve(file.getFileName() + reportSuffix))) {
            String stamp = OffsetDateTime.now(clock).format(java.time.format.DateTimeFormatter
                    .ofPattern("yyyyMMdd-HHmmss-SSS"));
            target = dir.resolve(stamp + "-" + file.getFileName());
        }
        Files.move(reportFile, target.resolveSibling(target.getFileName() + reportSuffix),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(file, target);
        return target;
    }

    /** The report of a file lies beside it under the file's name plus this. */
    static final String REPORT_SUFFIX = ".report.txt";

    /**
     * The report of a copy of content imported before: {@code first-again.csv.same-as-first.csv.report.txt} beside
     * {@code first-again.csv}, so that done/ shows which file it pairs with. A name too long for a file system
     * (255 bytes) falls back to {@code .same-as-earlier.report.txt}.
     */
    static String sameAsSuffix(String name, String earlierName) {
        String suffix = ".same-as-" + earlierName + REPORT_SUFFIX;
        // room for the time stamp prefix moveWithReport may add (20 characters)
        return (name + suffix).getBytes(StandardCharsets.UTF_8).length + 20 <= 255 ? suffix
                : ".same-as-earlier" + REPORT_SUFFIX;
    }

    /** {@code 2026-12-03 18:55:09 UTC}: how a report and a summary give a time to people. */
    static String forPeople(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'"));
    }

    /**
     * The same content again (under any name): not applied again; moved to done/ with a report that says what
     * happened instead of totals, names the earlier file and its report, and is named after both files.
     */
    private void recogniseAgain(Path file, ImportFolder folder, FileInspection inspection, Seen seen,
            FileImport earlier) throws IOException {
        String name = file.getFileName().toString();
        OffsetDateTime modified = seen.modified();
        OffsetDateTime now = now();
        FileImport row = new FileImport(UUID.randomUUID().toString(), "again:" + inspection.sha256() + ":" + name
                + ":" + modified.toInstant().toEpochMilli(), inspection.sha256(), folder.path(), name, false,
                inspection.bytes(), FileImport.RUNNING, instanceId, 0, 1, inspection.rows(), 0, now, now, now, null,
                null, null, earlier.importId());
        try {
            imports.insert(row);
        } catch (DuplicateKeyException anotherHub) {
            return;
        }
        if (!seen.isStillAt(file)) {
            // another hub recognised it (or imported it: it was this content's first file) and moved it away after
            // this hub had read it; the key "again:..." is free again once that hub recorded its end
            imports.withdraw(row.importId(), instanceId);
            return;
        }
        Path work = file.resolveSibling(".importing");
        Files.createDirectories(work);
        Path reportFile = work.resolve(row.importId() + REPORT_SUFFIX);
        String suffix = sameAsSuffix(name, earlier.fileName());
        Path reportTarget = file.resolveSibling("done").resolve(name + suffix);
        String when = forPeople(earlier.finishedAt() != null ? earlier.finishedAt() : earlier.startedAt());
        String summary = "already imported: the same content was imported on " + when + " as " + earlier.fileName()
                + "; nothing applied";
        try (ImportReport report = new ImportReport(Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8))) {
            head(report, file, folder, inspection, modified, row, false);
            report.info("");
            report.info("Already imported: the same content was imported on " + when + " as " + earlier.fileName()
                    + "; nothing applied.");
            report.info("This file has the same content (SHA-256) as " + earlier.fileName() + ", whatever its name, "
                    + "so none of its rows was read or applied again; to apply a row again, change the file.");
            report.info("Earlier import: " + earlier.importId() + " (" + earlier.folder() + ", " + earlier.state()
                    + ": " + earlier.summary() + ")");
            report.info("Earlier report: " + earlierReport(reportTarget, earlier));
            report.info("In the console: /console/imports/" + earlier.importId() + "/report");
            report.info("");
            report.result("already imported, nothing applied");
        }
        Path target = moveWithReport(file, reportFile, "done", suffix);
        imports.finish(row.importId(), instanceId, FileImport.ALREADY_IMPORTED, FileImport.ALREADY_IMPORTED + ":"
                + row.importId(), 0, summary, target.resolveSibling(target.getFileName() + suffix).toString(), now());
        log.info("{} ({}): {}", name, folder.path(), summary);
    }

    /** The earlier report's path relative to this one's folder ({@code first.csv.report.txt (beside this one)}). */
    private static String earlierReport(Path reportTarget, FileImport earlier) {
        if (earlier.reportFile() == null) {
            return "(none recorded)";
        }
        Path report = Path.of(earlier.reportFile());
        try {
            Path relative = reportTarget.toAbsolutePath().normalize().getParent()
                    .relativize(report.toAbsolutePath().normalize());
            String where = relative.getParent() == null ? " (beside this one)" : "";
            return relative + where;
        } catch (IllegalArgumentException otherRoot) {
            return report.toString();
        }
    }

    /** @param resumed a later attempt of the import: rows may have been received by an earlier one */
    private record RowContext(ImportFolder folder, String sha256, OffsetDateTime occurredAt, boolean dryRun,
            boolean resumed) {
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
                        : links.findByRecord(linkType(recordType), mapped.recordNo()).isEmpty());
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
            RowOutcome outcome = stale ? staleOutcome(before.get()) : predict(message, before, created);
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
        private final Progress progress;
        private final List<Pending> rows = new ArrayList<>();
        /** Record nos. with an event in this batch. */
        private final Set<String> records = new HashSet<>();
        private Instant started;
        /** Set when applying rows found the claim taken over by another hub. */
        private boolean lost;

        Batch(RowContext context, ImportReport report, Progress progress) {
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
                results = intake.receiveAll(events.stream().map(Prepared::json).toList(), channel);
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
                    return describe(event, intake.receive(event.json(), channel));
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
                : links.findByRecord(linkType(recordType), message.recordNo()).isPresent();
    }

    private static RowOutcome staleOutcome(KnownRecord known) {
        return RowOutcome.skipped("older than what the hub knows of the record (its state of " + known.occurredAt()
                + "): not applied");
    }

    /** Dry run: what the import would do, read from the links and the hub's knowledge only. */
    private RowOutcome predict(InboundMessage message, Optional<KnownRecord> before, boolean created) {
        RecordType recordType = message.recordType().orElseThrow();
        List<String> differing = differingFields(message, before);
        if (recordType == RecordType.CONTACT) {
            List<Link> related = links.relationsOf(message.recordNo());
            if (created) {
                return new RowOutcome(RowOutcome.Kind.CREATED, "dry run: new contact (contact.created)");
            }
            if (related.isEmpty()) {
                return new RowOutcome(RowOutcome.Kind.UNCHANGED, "dry run: no linked records: fields would be "
                        + "recorded only" + changes(differing));
            }
            return changedOutcome(differing, "linked to " + related.stream()
                    .map(l -> l.linkType().wireName() + " " + l.recordNo()).toList());
        }
        LinkType linkType = linkType(recordType);
        Optional<Link> link = links.findByRecord(linkType, message.recordNo());
        if (link.isEmpty()) {
            if (setup.businessRelationCode(linkType).isEmpty()) {
                return new RowOutcome(RowOutcome.Kind.NOT_LINKED, "dry run: not linked: no contact would be created ("
                        + linkType.businessRelationSetting() + " is blank)");
            }
            return new RowOutcome(RowOutcome.Kind.CREATED, "dry run: new record: would go in as "
                    + message.type().wireName() + " (no link yet: a contact would be requested)");
        }
        return changedOutcome(differing, "linked to contact " + link.get().contactNo()
                + (link.get().status() == com.contactsynchub.link.LinkStatus.PENDING ? " (pending)" : ""));
    }

    private static RowOutcome changedOutcome(List<String> differing, String linked) {
        if (differing.isEmpty()) {
            return new RowOutcome(RowOutcome.Kind.UNCHANGED, "dry run: " + linked + ": no field differs");
        }
        return new RowOutcome(RowOutcome.Kind.UPDATED, "dry run: " + linked + ": would push "
                + String.join(", ", differing));
    }

    private static String changes(List<String> differing) {
        return differing.isEmpty() ? "" : " (differing: " + String.join(", ", differing) + ")";
    }

    private static List<String> differingFields(InboundMessage message, Optional<KnownRecord> before) {
        JsonNode incoming = message.body().path("fields");
        List<String> differing = new ArrayList<>();
        incoming.fieldNames().forEachRemaining(name -> {
            JsonNode knownValue = before.map(k -> k.fields().get(name)).orElse(null);
            if (knownValue == null || !knownValue.equals(incoming.get(name))) {
                differing.add(name);
            }
        });
        return differing;
    }

    private static LinkType linkType(RecordType recordType) {
        return switch (recordType) {
            case CUSTOMER -> LinkType.CUSTOMER;
            case VENDOR -> LinkType.VENDOR;
            case BANK_ACCOUNT -> LinkType.BANK_ACCOUNT;
            case CONTACT -> throw new IllegalArgumentException("a contact has no link type");
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Counts rows, renews the claim's heartbeat and logs progress at their intervals. */
    private final class Progress {
        private final FileImport row;
        private final long total;
        private final Instant start = clock.instant();
        private long done;
        private Instant lastBeat = clock.instant();
        private Instant lastLog = clock.instant();

        Progress(FileImport row, long total) {
            this.row = row;
            this.total = total;
        }

        /** Counts {@code rows} more as done (applied and committed); false when the claim was lost to another hub. */
        boolean advance(int rows) {
            long before = done;
            done += rows;
            Instant now = clock.instant();
            boolean last = done >= total;
            if (!last && Duration.between(lastBeat, now).compareTo(properties.heartbeatInterval()) < 0
                    && done / 500 == before / 500) {
                return true;
            }
            lastBeat = now;
            if (!imports.heartbeat(row.importId(), instanceId, done, now())) {
                return false;
            }
            if (Duration.between(lastLog, now).compareTo(properties.progressLogInterval()) >= 0) {
                lastLog = now;
                double seconds = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
                double rate = done / seconds;
                log.info("Import {} of {}: {} of {} rows ({}%), {} rows/s, about {} s left", row.importId(),
                        row.fileName(), done, total, total == 0 ? 100 : done * 100 / total, Math.round(rate),
                        rate <= 0 ? "?" : Math.round((total - done) / rate));
            }
            return true;
        }
    }
}
