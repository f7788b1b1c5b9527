package com.contactsynchub.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/** File moves: an imported file and its report go to done/ (or error/) beside it. */
@Component
class ImportFileMover {

    /** The report of a file lies beside it under the file's name plus this. */
    static final String REPORT_SUFFIX = ".report.txt";

    private final Clock clock;

    ImportFileMover(Clock clock) {
        this.clock = clock;
    }

    /**
     * Beside the original, the report carries the moved file's name plus {@code reportSuffix} ({@code .report.txt},
     * or for an already imported copy {@code .same-as-<earlier name>.report.txt}).
     */
    Path moveWithReport(Path file, Path reportFile, String folderName, String reportSuffix)
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
}
