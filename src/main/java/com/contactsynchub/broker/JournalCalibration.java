package com.contactsynchub.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * What {@code artemis create} does for a standalone broker, for the embedded one: it measures how long one synced
 * write of a journal block takes on the disk under the data directory, and uses that as the journal's
 * {@code journal-buffer-timeout} (the time the broker gathers commits before it writes and syncs them together).
 * A shorter timeout than the disk can sync only adds syncs; a longer one makes every commit wait longer than it must.
 * The embedded broker otherwise keeps Artemis' NIO default (1/300 s), made for a slow disk.
 * <p>
 * Measured once and kept beside the journal ({@value #FILE}), as {@code artemis create} writes it into broker.xml
 * once; delete the file to measure again (after moving the data to another disk). Durability is untouched: every
 * commit is still written and synced before it returns.
 */
public final class JournalCalibration {

    static final String FILE = "journal-calibration.properties";
    private static final String KEY = "journal-buffer-timeout-nanos";
    private static final int BLOCK = 4096;
    private static final int WRITES = 200;
    private static final Duration LONGEST = Duration.ofSeconds(2);
    /** Artemis' own bounds of sense: below 10 µs the timer costs more than it saves; above 1/300 s is its default. */
    private static final long MIN_NANOS = 10_000;
    private static final long MAX_NANOS = 3_333_333;

    private JournalCalibration() {
    }

    /** The journal buffer timeout for the journal in {@code journalDir}: measured before, or measured now. */
    public static Duration bufferTimeout(Path journalDir) {
        Path file = journalDir.resolve(FILE);
        try {
            Files.createDirectories(journalDir);
            if (Files.isRegularFile(file)) {
                Properties stored = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    stored.load(in);
                }
                String nanos = stored.getProperty(KEY);
                if (nanos != null && nanos.strip().matches("\\d+")) {
                    return Duration.ofNanos(Long.parseLong(nanos.strip()));
                }
            }
            Duration measured = measure(journalDir);
            Properties result = new Properties();
            result.setProperty(KEY, String.valueOf(measured.toNanos()));
            try (OutputStream out = Files.newOutputStream(file)) {
                result.store(out, "Measured by the hub at " + Instant.now() + " (synced 4 KiB writes on this disk, as "
                        + "artemis create does); delete this file to measure again");
            }
            return measured;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot calibrate the journal in " + journalDir, e);
        }
    }

    /** The mean time of one synced 4 KiB write, within Artemis' bounds. */
    static Duration measure(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "calibration-", ".tmp");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE, StandardOpenOption.DSYNC)) {
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            // Pre-allocated, as the journal's files are: then a write changes no file size, only data.
            for (int i = 0; i < WRITES; i++) {
                block.clear();
                channel.write(block, (long) i * BLOCK);
            }
            long deadline = System.nanoTime() + LONGEST.toNanos();
            long start = System.nanoTime();
            int writes = 0;
            while (writes < WRITES && System.nanoTime() < deadline) {
                block.clear();
                channel.write(block, (long) writes * BLOCK);
                writes++;
            }
            long perWrite = (System.nanoTime() - start) / Math.max(1, writes);
            return Duration.ofNanos(Math.max(MIN_NANOS, Math.min(MAX_NANOS, perWrite)));
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
