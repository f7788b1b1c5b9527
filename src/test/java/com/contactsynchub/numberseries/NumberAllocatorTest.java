package com.contactsynchub.numberseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.contactsynchub.support.TestDb;

/** The same assertions on H2 and on PostgreSQL: allocation against the real database, no mocks. */
class NumberAllocatorTest {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void numbersStartAtTheStartingNoAndFollowTheIncrement(TestDb kind) {
        try (var db = kind.open()) {
            var repository = new NumberSeriesRepository(db.jdbc);
            var allocator = new NumberAllocator(repository, db.transactionManager);
            repository.save(new NumberSeries("CUST", "Customers", "C00010", null, 10, null));

            assertThat(List.of(allocator.next("CUST"), allocator.next("CUST"), allocator.next("CUST")))
                    .containsExactly("C00010", "C00020", "C00030");
            assertThat(repository.find("CUST").orElseThrow().lastNoUsed()).isEqualTo("C00030");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anExhaustedSeriesRefusesAndKeepsItsLastNoUsed(TestDb kind) {
        try (var db = kind.open()) {
            var repository = new NumberSeriesRepository(db.jdbc);
            var allocator = new NumberAllocator(repository, db.transactionManager);
            repository.save(new NumberSeries("CONT", null, "CT000001", "CT000002", 1, null));
            allocator.next("CONT");
            allocator.next("CONT");

            assertThatThrownBy(() -> allocator.next("CONT"))
                    .isInstanceOf(NumberSeriesException.class)
                    .hasMessage("You cannot assign new numbers from the number series CONT.");
            assertThat(repository.find("CONT").orElseThrow().lastNoUsed()).isEqualTo("CT000002");
            assertThatThrownBy(() -> allocator.next("NOPE"))
                    .isInstanceOf(NumberSeriesException.class)
                    .hasMessage("The number series NOPE does not exist.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void createIfMissingLeavesAnExistingSeriesAndItsCounterAlone(TestDb kind) {
        try (var db = kind.open()) {
            var repository = new NumberSeriesRepository(db.jdbc);
            assertThat(repository.createIfMissing(new NumberSeries("CONT", "a", "CT000001", null, 1, null))).isTrue();
            repository.updateLastNoUsed("CONT", "CT000005");
            assertThat(repository.createIfMissing(new NumberSeries("CONT", "b", "X001", null, 1, null))).isFalse();
            assertThat(repository.find("CONT").orElseThrow())
                    .isEqualTo(new NumberSeries("CONT", "a", "CT000001", null, 1, "CT000005"));
        }
    }

    /** 8 threads x 250 allocations: every number once, and none skipped. */
    @ParameterizedTest
    @EnumSource(TestDb.class)
    void concurrentAllocationsAreDistinctAndContiguous(TestDb kind) throws Exception {
        try (var db = kind.open()) {
            var repository = new NumberSeriesRepository(db.jdbc);
            var allocator = new NumberAllocator(repository, db.transactionManager);
            repository.save(new NumberSeries("CONT", null, "CT000001", null, 1, null));

            List<String> all = allocateConcurrently(8, 250, () -> allocator.next("CONT"));

            assertThat(all).hasSize(2000);
            assertThat(new HashSet<>(all)).hasSize(2000)
                    .isEqualTo(expectedNumbers(2000));
            assertThat(repository.find("CONT").orElseThrow().lastNoUsed()).isEqualTo("CT002000");
        }
    }

    static Set<String> expectedNumbers(int count) {
        Set<String> expected = new HashSet<>();
        IntStream.rangeClosed(1, count).forEach(i -> expected.add(String.format("CT%06d", i)));
        return expected;
    }

    static List<String> allocateConcurrently(int threads, int perThread, Callable<String> allocate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(allocate.call());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
