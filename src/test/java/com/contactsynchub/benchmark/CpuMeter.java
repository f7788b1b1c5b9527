package com.contactsynchub.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the machine's CPU went during a phase, from Linux's own counters: the share of all cores that was busy
 * (/proc/stat) and the CPU seconds each named process used (/proc/PID/stat, user + system). It tells whether a
 * figure is limited by the machine (every core busy) or by waiting (disk syncs, locks).
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Map<String, Long> pids;
    private long[] machineStart;
    private final Map<String, Long> processStart = new LinkedHashMap<>();

    CpuMeter(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    void start() {
        machineStart = machine();
        pids.forEach((name, pid) -> processStart.put(name, processTicks(pid)));
    }

    /** "machine 97 % busy of 2 cores; hub-1 41.2 s, ..." since {@link #start()}. */
    String stop() {
        long[] end = machine();
        long busy = end[0] - machineStart[0];
        long total = end[1] - machineStart[1];
        StringBuilder text = new StringBuilder(String.format("machine %.0f %% busy of %d cores",
                total == 0 ? 0.0 : 100.0 * busy / total, Runtime.getRuntime().availableProcessors()));
        pids.forEach((name, pid) -> text.append(String.format("; %s %.1f CPU s", name,
                (processTicks(pid) - processStart.get(name)) / TICKS_PER_SECOND)));
        return text.toString();
    }

    /** busy and total ticks of all cores. */
    private static long[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle + iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold blanks and is in parentheses): utime is the 14th field.
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
