package com.contactsynchub.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.contactsynchub.intake.EventIntake;

/**
 * Imports one dropped file (called by the routes in routes/importing). The file is inspected first (SHA-256, readable
 * at all, row count); then its SHA-256 is claimed in {@code file_import}, so the same content is applied once
 * whatever its name and however many hubs watch the folder; then every row becomes a record event that goes
 * through the same {@link EventIntake} as the queues, and the commands decided are sent. A report line per row is
 * written as it goes; at the end file and report move to done/ (or error/ for a file that cannot be read).
 *
 * <p>Its jobs are done by: {@link ImportClaims} (claims and take-over), {@link ImportRowLoop} (the rows through the
 * intake, in batches), {@link ImportProgress} (heartbeat and progress), {@link ImportFileMover} (moves to done/ and
 * error/), {@link AlreadyImportedFiles} (the same content again) and {@link DryRunPredictor} (dry runs).
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
    private final ImportClaims claims;
    private final ImportRowLoop rowLoop;
    private final AlreadyImportedFiles copies;
    private final ImportFileMover mover;
    private final Clock clock;
    /** Files another hub is importing, as inspected here: polled again unchanged, they are not read again. */
    private final Map<Path, InspectedFile> busy = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    FileImporter(ImportProperties properties, FileImports imports, ImportClaims claims, ImportRowLoop rowLoop,
            AlreadyImportedFiles copies, ImportFileMover mover, Clock clock) {
        this.properties = properties;
        this.imports = imports;
        this.claims = claims;
        this.rowLoop = rowLoop;
        this.copies = copies;
        this.mover = mover;
        this.clock = clock;
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
        InspectedFile seen;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            InspectedFile before = busy.get(file);
            inspection = before != null && before.sameAs(attributes) ? before.inspection()
                    : FileInspector.inspect(file, folder.recordType());
            seen = new InspectedFile(attributes.size(), attributes.lastModifiedTime().toMillis(), inspection);
        } catch (NoSuchFileException gone) {
            return;
        }
        OffsetDateTime modified = seen.modified();
        String claimKey = (dryRun ? "dryrun:" : "") + inspection.sha256();
        ImportClaim claim = claims.claim(claimKey, folder, name, dryRun, inspection, modified);
        if (claim instanceof ImportClaim.Busy owner) {
            busy.keySet().removeIf(other -> !Files.exists(other)); // moved away by the hubs that imported them
            busy.put(file, seen);
            log.debug("{} is being imported by {}; left for now", name, owner.owner());
            return;
        }
        busy.remove(file);
        if (claim instanceof ImportClaim.AlreadyImported already) {
            copies.recogniseAgain(file, folder, inspection, seen, already.earlier());
        } else if (claim instanceof ImportClaim.Mine mine) {
            try {
                if (seen.isStillAt(file)) {
                    run(file, folder, inspection, modified, mine.row());
                } else {
                    claims.gone(file, mine);
                }
            } finally {
                claims.release(claimKey);
            }
        }
    }

    private void run(Path file, ImportFolder folder, FileInspection inspection, OffsetDateTime modified,
            FileImport row) throws IOException {
        Path work = file.resolveSibling(".importing");
        Files.createDirectories(work);
        // one working report per attempt: a hub that lost the claim may still be writing its own for a moment
        Path reportFile = work.resolve(row.importId() + "." + row.attempts() + ImportFileMover.REPORT_SUFFIX);
        try {
            ImportProgress progress = new ImportProgress(imports, properties, clock, claims.instanceId(), row,
                    inspection.rows());
            String state;
            String summary;
            long rows;
            try (Writer writer = Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8);
                    ImportReport report = new ImportReport(writer)) {
                report.head(file, folder, inspection, modified, row, true);
                if (!inspection.readable()) {
                    state = FileImport.REFUSED;
                    summary = "refused: " + inspection.unreadable();
                    report.info("Refused: " + inspection.unreadable());
                    report.info("Nothing of this file was applied.");
                    report.finish("refused, moved to error/");
                    rows = 0;
                } else {
                    EmptyCells emptyCells = EmptyCells.forFile(file.getFileName().toString(), properties.emptyCells());
                    boolean noAutoContacts = AutomaticContacts.offFor(file.getFileName().toString());
                    try (InputStream in = Files.newInputStream(file);
                            ImportRows source = ImportRows.open(in, inspection.format(), folder.recordType(),
                                    emptyCells)) {
                        if (source.mapping() != null) {
                            report.info("Separator: " + SeparatorDetector.describe(source.separator()));
                            report.info("Columns: " + source.mapping().describe());
                            report.info(emptyCells.describe(file.getFileName().toString()));
                            if (folder.recordType() != com.contactsynchub.contract.RecordType.CONTACT) {
                                report.info(AutomaticContacts.describe(noAutoContacts));
                            }
                            report.info("Rows are numbered as a spreadsheet shows them (the header is row 1); where a "
                                    + "value with a line break moves the file line, it is given too.");
                        }
                        report.info("");
                        ImportRowLoop.RowContext context = new ImportRowLoop.RowContext(folder, inspection.sha256(),
                                modified, row.dryRun(), row.attempts() > 1, noAutoContacts);
                        ImportRowLoop.End end = rowLoop.apply(source, context, report, progress, () -> stopping);
                        if (end == ImportRowLoop.End.STOPPED) {
                            log.info("Import {} of {} stopped at row {} of {} because the hub is shutting down; "
                                    + "it resumes at the next start", row.importId(), file.getFileName(),
                                    progress.done(), inspection.rows());
                            return;
                        }
                        if (end == ImportRowLoop.End.LOST) {
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
            if (!imports.heartbeat(row.importId(), claims.instanceId(), progress.done(), FileImports.now(clock))) {
                log.warn("Import {} of {} was taken over by another hub before it finished; the file is left to it",
                        row.importId(), file.getFileName());
                return;
            }
            Path target = mover.moveWithReport(file, reportFile, FileImport.REFUSED.equals(state) ? "error" : "done",
                    ImportFileMover.REPORT_SUFFIX);
            String claimAfter = FileImport.DONE.equals(state) && !row.dryRun() ? row.claimKey()
                    : state + ":" + row.importId();
            imports.finish(row.importId(), claims.instanceId(), state, claimAfter, rows, summary,
                    target.resolveSibling(target.getFileName() + ImportFileMover.REPORT_SUFFIX).toString(),
                    FileImports.now(clock));
            log.info("Import {} of {} ({}): {}; moved to {}", row.importId(), file.getFileName(), folder.path(),
                    summary, target);
        } finally {
            // an attempt that stopped early (shutdown, claim lost, database away) leaves no working report
            Files.deleteIfExists(reportFile);
        }
    }
}
