package com.contactsynchub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCalibrationTest {

    @TempDir
    Path journal;

    @Test
    void theFirstStartMeasuresTheDiskAndLaterStartsReuseTheFigure() throws Exception {
        Duration measured = JournalCalibration.bufferTimeout(journal);

        assertThat(measured).isBetween(Duration.ofNanos(10_000), Duration.ofNanos(3_333_333));
        Path stored = journal.resolve(JournalCalibration.FILE);
        assertThat(Files.readString(stored)).contains("journal-buffer-timeout-nanos=" + measured.toNanos());
        try (var files = Files.list(journal)) {
            assertThat(files).as("the probe file is removed").containsExactly(stored);
        }

        // An operator's own figure (or an earlier measurement) is used as it is.
        Files.writeString(stored, "journal-buffer-timeout-nanos=123456\n");
        assertThat(JournalCalibration.bufferTimeout(journal)).isEqualTo(Duration.ofNanos(123_456));
    }

    @Test
    void anUnreadableFigureIsMeasuredAgain() throws Exception {
        Files.writeString(journal.resolve(JournalCalibration.FILE), "journal-buffer-timeout-nanos=fast\n");

        Duration measured = JournalCalibration.bufferTimeout(journal);

        assertThat(measured).isBetween(Duration.ofNanos(10_000), Duration.ofNanos(3_333_333));
        assertThat(Files.readString(journal.resolve(JournalCalibration.FILE)))
                .contains("journal-buffer-timeout-nanos=" + measured.toNanos());
    }
}
