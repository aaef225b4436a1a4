package io.contentfactory.scheduler.bench;

import io.contentfactory.scheduler.domain.planning.PlanningPolicy;
import io.contentfactory.scheduler.domain.planning.PostingWindows;
import io.contentfactory.scheduler.domain.planning.QueuePlanner;
import io.contentfactory.scheduler.domain.planning.SlotWeights;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How long planning 100,000 media takes: one queue holding all of them (720 fit the 60-day horizon at the 2 h
 * minimum gap; the rest are ranked and wait), and 1,000 queues of 100 each (all placed). Local windows 08:00-22:00
 * in Europe/Berlin, a daily cap of 8 and a learned-looking weight table, so that every rule is exercised. Reports
 * the median of five timed runs after warm-up; it asserts nothing. {@code ./mvnw -Pbench -pl scheduler-service test}
 */
class PlannerBench {

    private static final Instant NOW = Instant.parse("2026-03-20T00:00:00Z");

    @Test
    void plansOneHundredThousandMedia() {
        PlanningPolicy policy = policy();
        List<QueuePlanner.Candidate> all = candidates(100_000, 7);
        List<List<QueuePlanner.Candidate>> queues = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            queues.add(all.subList(i * 100, (i + 1) * 100));
        }

        report(
                "one queue of 100,000",
                () -> QueuePlanner.plan(policy, new QueuePlanner.Queue(NOW, List.of(), Map.of(), all))
                        .size());
        report(
                "1,000 queues of 100",
                () -> queues.stream()
                        .mapToInt(queue -> QueuePlanner.plan(
                                        policy, new QueuePlanner.Queue(NOW, List.of(), Map.of(), queue))
                                .size())
                        .sum());
    }

    private static void report(String name, java.util.function.IntSupplier plan) {
        int placed = 0;
        for (int i = 0; i < 5; i++) {
            placed = plan.getAsInt();
        }
        long[] millis = new long[5];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            placed = plan.getAsInt();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(
                "planner, %s: %d placed, median %d ms (runs %s)%n", name, placed, millis[2], Arrays.toString(millis));
    }

    private static PlanningPolicy policy() {
        double[] weights = new double[SlotWeights.HOURS_PER_WEEK];
        Random random = new Random(42);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.5 + random.nextDouble();
        }
        return new PlanningPolicy(
                ZoneId.of("Europe/Berlin"),
                PostingWindows.daily(PostingWindows.Range.parse("08:00-22:00")),
                Duration.ofDays(60),
                Duration.ofHours(2),
                Duration.ofHours(24),
                8,
                new SlotWeights(weights),
                Duration.ofMinutes(1));
    }

    private static List<QueuePlanner.Candidate> candidates(int count, long seed) {
        Random random = new Random(seed);
        List<QueuePlanner.Candidate> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(new QueuePlanner.Candidate(
                    new UUID(seed, i), random.nextInt(10_000) / 100.0, NOW.minusSeconds(random.nextInt(86_400))));
        }
        return all;
    }
}
