package com.contactsynchub.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * "Already imported": a file with the content of an import done before, under any name, is not applied again; it
 * moves to done/ with a report that says so, names the earlier file and its report, and is named after both files.
 */
@Component
class AlreadyImportedFiles {

    /** Logs as the file importer, as before these classes were split from it. */
    private static final Logger log = LoggerFactory.getLogger(FileImporter.class);

    private final FileImports imports;
    private final ImportClaims claims;
    private final ImportFileMover mover;
    private final Clock clock;

    AlreadyImportedFiles(FileImports imports, ImportClaims claims, ImportFileMover mover, Clock clock) {
        this.imports = imports;
        this.claims = claims;
        this.mover = mover;
        this.clock = clock;
    }

    /**
     * The same content again (under any name): not applied again; moved to done/ with a report that says what
     * happened instead of totals, names the earlier file and its report, and is named after both files.
     */
    void recogniseAgain(Path file, ImportFolder folder, FileInspection inspection, InspectedFile seen,
            FileImport earlier) throws IOException {
        String name = file.getFileName().toString();
        OffsetDateTime modified = seen.modified();
        OffsetDateTime now = FileImports.now(clock);
        FileImport row = new FileImport(UUID.randomUUID().toString(), "again:" + inspection.sha256() + ":" + name
                + ":" + modified.toInstant().toEpochMilli(), inspection.sha256(), folder.path(), name, false,
                inspection.bytes(), FileImport.RUNNING, claims.instanceId(), 0, 1, inspection.rows(), 0, now, now, now,
                null, null, null, earlier.importId());
        try {
            imports.insert(row);
        } catch (DuplicateKeyException anotherHub) {
            return;
        }
        if (!seen.isStillAt(file)) {
            // another hub recognised it (or imported it: it was this content's first file) and moved it away after
            // this hub had read it; the key "again:..." is free again once that hub recorded its end
            imports.withdraw(row.importId(), claims.instanceId());
            return;
        }
        Path work = file.resolveSibling(".importing");
        Files.createDirectories(work);
        Path reportFile = work.resolve(row.importId() + ImportFileMover.REPORT_SUFFIX);
        String suffix = sameAsSuffix(name, earlier.fileName());
        Path reportTarget = file.resolveSibling("done").resolve(name + suffix);
        String when = forPeople(earlier.finishedAt() != null ? earlier.finishedAt() : earlier.startedAt());
        String summary = "already imported: the same content was imported on " + when + " as " + earlier.fileName()
                + "; nothing applied";
        try (ImportReport report = new ImportReport(Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8))) {
            report.head(file, folder, inspection, modified, row, false);
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
        Path target = mover.moveWithReport(file, reportFile, "done", suffix);
        imports.finish(row.importId(), claims.instanceId(), FileImport.ALREADY_IMPORTED,
                FileImport.ALREADY_IMPORTED + ":" + row.importId(), 0, summary,
                target.resolveSibling(target.getFileName() + suffix).toString(), FileImports.now(clock));
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

    /**
     * The report of a copy of content imported before: {@code first-again.csv.same-as-first.csv.report.txt} beside
     * {@code first-again.csv}, so that done/ shows which file it pairs with. A name too long for a file system
     * (255 bytes) falls back to {@code .same-as-earlier.report.txt}.
     */
    static String sameAsSuffix(String name, String earlierName) {
        String suffix = ".same-as-" + earlierName + ImportFileMover.REPORT_SUFFIX;
        // room for the time stamp prefix moveWithReport may add (20 characters)
        return (name + suffix).getBytes(StandardCharsets.UTF_8).length + 20 <= 255 ? suffix
                : ".same-as-earlier" + ImportFileMover.REPORT_SUFFIX;
    }

    /** {@code 2026-12-03 18:55:09 UTC}: how a report and a summary give a time to people. */
    static String forPeople(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'"));
    }
}
