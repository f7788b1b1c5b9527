package com.contactsynchub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

/**
 * What the console shows, for Prometheus (docs/console.md, docs/grafana/contact-sync-hub.json): queue depths,
 * parked conflicts, sync errors, imports and their rows, journal decisions by kind. The database figures are read
 * at most every {@link #REFRESH} whatever the scrape interval, so a busy scraper costs a few counts a minute.
 */
@Component
class ConsoleMetrics {

    static final Duration REFRESH = Duration.ofSeconds(15);

    private final ConsoleQueries queries;
    private final Clock clock;
    private final MultiGauge decisions;
    private final MultiGauge importCount;
    private final MultiGauge importRows;
    private final MultiGauge importOutcomes;
    private volatile Instant refreshedAt = Instant.EPOCH;
    private volatile long parked;
    private volatile long syncErrors;

    ConsoleMetrics(MeterRegistry registry, QueueDepths depths, ConsoleQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        depths.roles().keySet().forEach(queue -> Gauge.builder("hub.queue.depth",
                        () -> depths.depth(queue).map(Long::doubleValue).orElse(Double.NaN))
                .description("Messages on the queue (waiting plus being delivered); NaN with a standalone broker")
                .tag("queue", queue).register(registry));
        Gauge.builder("hub.conflicts.parked", () -> refreshed().parked)
                .description("Conflicts waiting for an operator (conflict-policy manual)").register(registry);
        Gauge.builder("hub.sync.errors", () -> refreshed().syncErrors)
                .description("Journal entries of decisions that failed for a setup reason").register(registry);
        decisions = MultiGauge.builder("hub.journal.decisions")
                .description("Journal entries by decision").register(registry);
        importCount = MultiGauge.builder("hub.imports")
                .description("File imports by state").register(registry);
        importRows = MultiGauge.builder("hub.import.rows")
                .description("Rows handled by the file imports, by state of the import").register(registry);
        importOutcomes = MultiGauge.builder("hub.import.row.outcomes")
                .description("Rows of the finished file imports by outcome (created, updated, ..., error)")
                .register(registry);
    }

    private ConsoleMetrics refreshed() {
        if (Duration.between(refreshedAt, clock.instant()).compareTo(REFRESH) >= 0) {
            refresh();
        }
        return this;
    }

    private synchronized void refresh() {
        try {
            read();
        } catch (RuntimeException e) {
            // The database is away (the hub keeps running and retries, docs/operations.md): keep the last figures.
            refreshedAt = clock.instant();
        }
    }

    private void read() {
        parked = queries.parkedConflicts();
        syncErrors = queries.syncErrors();
        List<MultiGauge.Row<?>> decisionRows = new ArrayList<>();
        for (Map.Entry<String, Long> entry : queries.decisionsByKind().entrySet()) {
            decisionRows.add(MultiGauge.Row.of(Tags.of("decision", entry.getKey()), entry.getValue()));
        }
        decisions.register(decisionRows, true);
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : queries.importsByState().entrySet()) {
            counts.add(MultiGauge.Row.of(Tags.of("state", entry.getKey()), entry.getValue()[0]));
            rows.add(MultiGauge.Row.of(Tags.of("state", entry.getKey()), entry.getValue()[1]));
        }
        importCount.register(counts, true);
        importRows.register(rows, true);
        List<MultiGauge.Row<?>> outcomes = new ArrayList<>();
        queries.importRowOutcomes().forEach((outcome, n) -> outcomes.add(MultiGauge.Row.of(Tags.of("outcome", outcome), n)));
        importOutcomes.register(outcomes, true);
        refreshedAt = clock.instant();
    }
}
