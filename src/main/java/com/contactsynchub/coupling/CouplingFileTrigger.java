package com.contactsynchub.coupling;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.contactsynchub.api.InvalidRequestException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A coupling started by a file (route coupling-files): the file holds the run's options as JSON. The run happens in
 * the route's thread; when it is proposed (dry run) or done, the file moves to done/ with the report beside it
 * ({@code <name>.report.txt}). A file whose options are wrong moves to error/ with the reason.
 */
@Component("couplingFiles")
public class CouplingFileTrigger {

    private static final Logger log = LoggerFactory.getLogger(CouplingFileTrigger.class);
    /** Plain: unknown keys ("dryrun") are refused rather than ignored. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CouplingService service;
    private final CouplingRuns runs;
    private final Clock clock;

    public CouplingFileTrigger(CouplingService service, CouplingRuns runs, Clock clock) {
        this.service = service;
        this.runs = runs;
        this.clock = clock;
    }

    public void runFile(String path) throws IOException {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        CouplingOptions options;
        try {
            options = content.length == 0 ? new CouplingOptions(null, null, null, null)
                    : JSON.readValue(content, CouplingOptions.class);
            options.check();
        } catch (IOException | InvalidRequestException e) {
            String reason = e instanceof InvalidRequestException invalid ? String.join("; ", invalid.problems())
                    : e.getMessage();
            moveWithReport(file, "error", out -> out.write("Coupling file " + name + " refused: " + reason
                    + "\nExpected JSON such as {\"linkType\": \"customer\", \"dryRun\": true, \"createContacts\": "
                    + "false, \"master\": \"record\"}\n"));
            log.warn("Coupling file {} refused: {}", name, reason);
            return;
        }
        // the same file (name, content, time) always stands for the same run
        String couplingId = UUID.nameUUIDFromBytes(("file:" + name + ":" + sha256(content) + ":"
                + Files.getLastModifiedTime(file).toMillis()).getBytes(StandardCharsets.UTF_8)).toString();
        CouplingRun run = service.runHere(couplingId, options, "file " + name);
        if (run.isRunning()) {
            return; // another hub works on it (or will resume it): the file waits for its end
        }
        Path target = moveWithReport(file, "done", out -> CouplingReport.write(run, runs, out));
        log.info("Coupling {} from {}: {}; report {}", couplingId, name, run.state(), target);
    }

    private interface ReportWriter {
        void write(Writer out) throws IOException;
    }

    private Path moveWithReport(Path file, String folderName, ReportWriter report) throws IOException {
        Path dir = file.resolveSibling(folderName);
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = dir.resolve(OffsetDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
                    + "-" + file.getFileName());
        }
        Path reportFile = target.resolveSibling(target.getFileName() + ".report.txt");
        // written under a hidden name and then moved: whoever waits for the report never reads half of it
        Path partial = dir.resolve("." + reportFile.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            report.write(out);
        }
        Files.move(partial, reportFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
