package com.contactsynchub.importing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Claims and take-over: a file's content (its SHA-256) is claimed by inserting a row in {@code file_import} with a
 * unique key, so the same content is applied once whatever its name and however many hubs watch the folder. An
 * import whose hub stopped renewing its heartbeat for {@code hub.import.claim-timeout} is taken over (compare-and-set
 * on its lease) and starts again at the first row.
 */
@Component
class ImportClaims {

    /** Logs as the file importer, as before these classes were split from it. */
    private static final Logger log = LoggerFactory.getLogger(FileImporter.class);

    private final ImportProperties properties;
    private final FileImports imports;
    private final Clock clock;
    /** This hub instance, as owner of its claims. */
    private final String instanceId;
    /** Claim keys this instance is importing now: a second local poll of the same content waits. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    ImportClaims(ImportProperties properties, FileImports imports, Clock clock) {
        this.properties = properties;
        this.imports = imports;
        this.clock = clock;
        this.instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This hub instance, as owner of its claims. */
    String instanceId() {
        return instanceId;
    }

    /** The import of this claim key ended here (or stopped): another poll may claim it. */
    void release(String claimKey) {
        active.remove(claimKey);
    }

    /**
     * Claims {@code claimKey} (the SHA-256, {@code dryrun:} before it for a dry run) for this file: a new import, one
     * taken over, one busy elsewhere, or the content imported before.
     */
    ImportClaim claim(String claimKey, ImportFolder folder, String name, boolean dryRun, FileInspection inspection,
            OffsetDateTime modified) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<FileImport> existing = imports.findByClaim(claimKey);
            OffsetDateTime now = FileImports.now(clock);
            if (existing.isEmpty()) {
                FileImport row = new FileImport(UUID.randomUUID().toString(), claimKey, inspection.sha256(),
                        folder.path(), name, dryRun, inspection.bytes(), FileImport.RUNNING, instanceId, 0, 1,
                        inspection.rows(), 0, now, now, now, null, null, null, null);
                try {
                    if (!active.add(claimKey)) {
                        return new ImportClaim.Busy(instanceId);
                    }
                    imports.insert(row);
                    return new ImportClaim.Mine(row, false);
                } catch (DuplicateKeyException lost) {
                    active.remove(claimKey);
                    continue; // another hub claimed it since the read: read its claim
                }
            }
            FileImport earlier = existing.get();
            if (!earlier.state().equals(FileImport.RUNNING)) {
                return new ImportClaim.AlreadyImported(earlier);
            }
            boolean mine = earlier.ownerId().equals(instanceId);
            boolean stale = earlier.heartbeatAt().isBefore(now.minus(properties.claimTimeout()));
            if ((mine || stale) && active.add(claimKey)) {
                // the content may be taken over under another name (a copy dropped while its first file's hub
                // stalled): the import then records the file it applies and moves
                if (imports.takeOver(earlier.importId(), earlier.lease(), instanceId, folder.path(), name, now)) {
                    log.info("Resuming import {} of {} (left by {}): starting again at the first row; rows applied "
                            + "before are recognised by their message ids", earlier.importId(), name, earlier.ownerId());
                    return new ImportClaim.Mine(imports.find(earlier.importId()).orElseThrow(), true);
                }
                active.remove(claimKey);
            }
            return new ImportClaim.Busy(earlier.ownerId());
        }
        return new ImportClaim.Busy("another hub");
    }

    /**
     * The claim was won, but the file is no longer what was inspected: another hub imported it and moved it away
     * after this hub had read it (a dry run or a refused file frees its content key when it ends), or it was
     * replaced. A new claim is withdrawn (the next poll sees what is there now). A claim taken over from a hub that
     * stopped can only mean the file left the inbox before that import recorded its end: it is ended as refused,
     * which frees the content, so that dropping the file again applies only the rows not applied before.
     */
    void gone(Path file, ImportClaim.Mine mine) {
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
                row.rowsDone(), summary, null, FileImports.now(clock));
        log.warn("Import {} of {}: {}", row.importId(), file.getFileName(), summary);
    }
}
