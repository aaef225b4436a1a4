package io.contentfactory.scheduler.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.scheduler.domain.planning.QueuePlanner.Candidate;
import io.contentfactory.scheduler.domain.planning.QueuePlanner.Placement;
import io.contentfactory.scheduler.domain.planning.QueuePlanner.Queue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The planner's promises over random queues, policies, zones and start times, including the days clocks change:
 * gaps, horizon, windows, daily cap, determinism, idempotent replanning and score order.
 */
class QueuePlannerPropertiesTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("UTC"),
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("America/Santiago"));
    /** Days around which clocks change in those zones; starts are drawn near them as often as anywhere else. */
    private static final List<Instant> CLOCK_CHANGES = List.of(
            Instant.parse("2026-03-29T01:00:00Z"),
            Instant.parse("2026-10-25T01:00:00Z"),
            Instant.parse("2026-03-08T07:00:00Z"),
            Instant.parse("2026-11-01T06:00:00Z"),
            Instant.parse("2026-04-04T15:00:00Z"),
            Instant.parse("2026-10-03T15:30:00Z"),
            Instant.parse("2026-04-05T03:00:00Z"));

    /** A generated case: the policy, the queue, and the window every slot must fall in (null when always open). */
    record Case(PlanningPolicy policy, Queue queue, int windowStart, int windowEnd) {
        boolean alwaysOpen() {
            return windowStart < 0;
        }

        @Override
        public String toString() {
            return "Case[zone=" + policy.zone() + ", earliest=" + queue.earliest() + ", horizon=" + policy.horizon()
                    + ", gaps=" + policy.minGap() + ".." + policy.maxGap() + ", cap=" + policy.dailyCap() + ", window="
                    + (alwaysOpen() ? "always" : windowStart + ".." + windowEnd) + ", occupied="
                    + queue.occupied().size()
                    + ", waiting=" + queue.waiting().size() + "]";
        }
    }

    @Property(tries = 300)
    void noPostIsCloserThanTheMinimumGapToAnyOther(@ForAll("cases") Case c) {
        List<Placement> plan = QueuePlanner.plan(c.policy(), c.queue());
        List<Instant> everything = new ArrayList<>(c.queue().occupied());
        plan.forEach(p -> everything.add(p.slot()));
        for (Placement placed : plan) {
            for (Instant other : everything) {
                if (!other.equals(placed.slot())) {
                    assertThat(Duration.between(placed.slot(), other).abs())
                            .as("%s vs %s", placed.slot(), other)
                            .isGreaterThanOrEqualTo(c.policy().minGap());
                }
            }
        }
        assertThat(plan.stream().map(Placement::slot).distinct()).hasSameSizeAs(plan);
    }

    /**
     * Between the first and the last planned slot, a gap above the maximum is allowed only where occupied posts
     * leave no choice: every minute at least the minimum gap from both neighbours is outside the posting window.
     */
    @Property(tries = 300)
    void consecutivePostsAreNeverFurtherApartThanTheMaximumWhileMediaRemains(@ForAll("uncappedCases") Case c) {
        List<Placement> plan = QueuePlanner.plan(c.policy(), c.queue());
        if (plan.isEmpty()) {
            return;
        }
        Instant first = plan.get(0).slot();
        Instant last = plan.get(plan.size() - 1).slot();
        TreeSet<Instant> timeline = new TreeSet<>(c.queue().occupied());
        plan.forEach(p -> timeline.add(p.slot()));
        Instant previous = null;
        for (Instant post : timeline.subSet(first, true, last, true)) {
            if (previous != null
                    && Duration.between(previous, post).compareTo(c.policy().maxGap()) > 0) {
                for (Instant t = previous.plus(c.policy().minGap());
                        !t.isAfter(post.minus(c.policy().minGap()));
                        t = t.plus(Duration.ofMinutes(1))) {
                    assertThat(inWindow(c, t))
                            .as("%s -> %s is over the maximum gap, yet %s was free", previous, post, t)
                            .isFalse();
                }
            }
            previous = post;
        }
    }

    private static boolean inWindow(Case c, Instant at) {
        if (c.alwaysOpen()) {
            return true;
        }
        LocalTime local = at.atZone(c.policy().zone()).toLocalTime();
        int minute = local.getHour() * 60 + local.getMinute();
        return minute >= c.windowStart() && minute <= c.windowEnd();
    }

    @Property(tries = 300)
    void everySlotIsInsideTheHorizonAndAWindowOfLocalTime(@ForAll("cases") Case c) {
        Instant start = c.queue().earliest().truncatedTo(ChronoUnit.MINUTES);
        for (Placement placed : QueuePlanner.plan(c.policy(), c.queue())) {
            assertThat(placed.slot())
                    .isAfterOrEqualTo(c.queue().earliest())
                    .isBefore(start.plus(c.policy().horizon()).plus(Duration.ofMinutes(1)));
            assertThat(placed.slot().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(placed.slot());
            assertThat(inWindow(c, placed.slot()))
                    .as("%s in %s", placed.slot(), c.policy().zone())
                    .isTrue();
        }
    }

    @Property(tries = 300)
    void noDayGoesOverTheDailyCap(@ForAll("cases") Case c) {
        Map<LocalDate, Long> added = QueuePlanner.plan(c.policy(), c.queue()).stream()
                .collect(Collectors.groupingBy(
                        p -> LocalDate.ofInstant(p.slot(), c.policy().zone()), Collectors.counting()));
        if (c.policy().capped()) {
            added.forEach((day, count) -> assertThat(c.queue().postsPerDay().getOrDefault(day, 0) + count)
                    .as("%s", day)
                    .isLessThanOrEqualTo(c.policy().dailyCap()));
        }
    }

    /** Occupied slots (explicit, planned before, due) are never in the plan: only waiting posts get a slot, once. */
    @Property(tries = 200)
    void onlyWaitingPostsArePlacedAndEachOnce(@ForAll("cases") Case c) {
        List<Placement> plan = QueuePlanner.plan(c.policy(), c.queue());
        var waiting = c.queue().waiting().stream().map(Candidate::targetId).collect(Collectors.toSet());
        assertThat(plan).extracting(Placement::targetId).doesNotHaveDuplicates().allMatch(waiting::contains);
        assertThat(plan).extracting(Placement::slot).noneMatch(c.queue().occupied()::contains);
    }

    @Property(tries = 200)
    void thePlanIsDeterministicWhateverTheInputOrder(@ForAll("cases") Case c) {
        List<Candidate> shuffled = new ArrayList<>(c.queue().waiting());
        Collections.shuffle(shuffled, new Random(shuffled.size()));
        List<Instant> occupied = new ArrayList<>(c.queue().occupied());
        Collections.reverse(occupied);
        Queue reordered = new Queue(c.queue().earliest(), occupied, c.queue().postsPerDay(), shuffled);
        assertThat(QueuePlanner.plan(c.policy(), reordered)).isEqualTo(QueuePlanner.plan(c.policy(), c.queue()));
    }

    @Property(tries = 200)
    void replanningWhatIsLeftAtTheSameTimeChangesNothing(@ForAll("cases") Case c) {
        List<Placement> plan = QueuePlanner.plan(c.policy(), c.queue());
        List<Instant> occupied = new ArrayList<>(c.queue().occupied());
        plan.forEach(p -> occupied.add(p.slot()));
        Map<LocalDate, Integer> perDay = new HashMap<>(c.queue().postsPerDay());
        plan.forEach(p -> perDay.merge(LocalDate.ofInstant(p.slot(), c.policy().zone()), 1, Integer::sum));
        var placedIds = plan.stream().map(Placement::targetId).collect(Collectors.toSet());
        List<Candidate> left = c.queue().waiting().stream()
                .filter(w -> !placedIds.contains(w.targetId()))
                .toList();

        assertThat(QueuePlanner.plan(c.policy(), new Queue(c.queue().earliest(), occupied, perDay, left)))
                .isEmpty();
    }

    @Property(tries = 200)
    void betterScoresGetEarlierWeeksAndBetterHours(@ForAll("cases") Case c) {
        List<Placement> plan = QueuePlanner.plan(c.policy(), c.queue());
        if (plan.isEmpty()) {
            return;
        }
        Map<UUID, Double> score =
                c.queue().waiting().stream().collect(Collectors.toMap(Candidate::targetId, Candidate::score));
        Instant start = plan.get(0).slot();
        for (Placement a : plan) {
            for (Placement b : plan) {
                long weekA = Duration.between(start, a.slot()).toDays() / 7;
                long weekB = Duration.between(start, b.slot()).toDays() / 7;
                if (weekA < weekB) {
                    assertThat(score.get(a.targetId())).isGreaterThanOrEqualTo(score.get(b.targetId()));
                } else if (weekA == weekB && score.get(a.targetId()) > score.get(b.targetId())) {
                    assertThat(c.policy().weights().at(a.slot(), c.policy().zone()))
                            .isGreaterThanOrEqualTo(
                                    c.policy().weights().at(b.slot(), c.policy().zone()));
                }
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return cases(true);
    }

    @Provide
    Arbitrary<Case> uncappedCases() {
        return cases(false);
    }

    private Arbitrary<Case> cases(boolean withCap) {
        Arbitrary<Instant> earliest = Arbitraries.oneOf(
                Arbitraries.of(CLOCK_CHANGES)
                        .flatMap(change -> Arbitraries.longs()
                                .between(-72 * 60, 24 * 60)
                                .map(minutes ->
                                        change.plus(Duration.ofMinutes(minutes)).plusMillis(317))),
                Arbitraries.longs()
                        .between(0, 365L * 24 * 60)
                        .map(minutes -> Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(minutes))));
        Arbitrary<Integer> minGapHours = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> horizonDays = Arbitraries.integers().between(1, 60);
        Arbitrary<Integer> window = Arbitraries.integers().between(-1, 4);
        Arbitrary<Integer> cap = withCap ? Arbitraries.integers().between(0, 8) : Arbitraries.just(0);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(Arbitraries.of(ZONES), earliest, minGapHours, horizonDays, window, cap, seed)
                .as(QueuePlannerPropertiesTest::generate);
    }

    /**
     * Windows start at or after 05:00 and end by 23:00 (clock changes happen at night) and leave at most 12 h closed;
     * the maximum gap spans the closed hours plus the minimum gap, so it is always reachable. Occupied posts are
     * anywhere, even closer together than the minimum gap.
     */
    private static Case generate(
            ZoneId zone, Instant earliest, int minGapHours, int horizonDays, int windowKind, int cap, long seed) {
        Random random = new Random(seed);
        int start = -1;
        int end = -1;
        PostingWindows windows = PostingWindows.always();
        if (windowKind >= 0) {
            start = 5 * 60 + random.nextInt(6 * 60);
            end = Math.min(23 * 60, start + 12 * 60 + random.nextInt(6 * 60));
            end = Math.max(end, start + 12 * 60);
            windows = PostingWindows.daily(new PostingWindows.Range(start, end));
        }
        Duration minGap = Duration.ofHours(minGapHours);
        long closedMinutes = windowKind >= 0 ? 24 * 60 - (end - start) : 0;
        Duration maxGap = Duration.ofMinutes(Math.max(
                Math.max(2L * minGapHours * 60, closedMinutes + minGapHours * 60L), (12 + random.nextInt(37)) * 60L));
        double[] weights = new double[SlotWeights.HOURS_PER_WEEK];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextBoolean() ? 1.0 : 0.5 + random.nextInt(4) * 0.5;
        }
        PlanningPolicy policy = new PlanningPolicy(
                zone,
                windows,
                Duration.ofDays(horizonDays),
                minGap,
                maxGap,
                cap,
                new SlotWeights(weights),
                Duration.ofMinutes(1));
        if (random.nextInt(3) == 0) {
            // A third of the queues plan with learned hours, exploring some of their decisions.
            double[] mean = new double[SlotWeights.HOURS_PER_WEEK];
            double[] sd = new double[SlotWeights.HOURS_PER_WEEK];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = random.nextGaussian() * 0.5;
                sd[i] = random.nextDouble() * 0.6;
            }
            policy = policy.withLearned(new LearnedSlots(1 + random.nextInt(9), mean, sd, random.nextDouble()));
        }

        List<Instant> occupied = new ArrayList<>();
        int fixedCount = random.nextInt(12);
        for (int i = 0; i < fixedCount; i++) {
            long minutes = -48 * 60 + random.nextLong(horizonDays * 24L * 60 + 48 * 60);
            occupied.add(earliest.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(minutes)));
        }
        Map<LocalDate, Integer> perDay = new HashMap<>();
        occupied.forEach(at -> perDay.merge(LocalDate.ofInstant(at, zone), 1, Integer::sum));

        List<Candidate> waiting = new ArrayList<>();
        int waitingCount = random.nextInt(random.nextBoolean() ? 30 : 400);
        for (int i = 0; i < waitingCount; i++) {
            double score = random.nextInt(5) == 0 ? 50 : random.nextInt(101);
            waiting.add(new Candidate(
                    new UUID(seed, i),
                    score,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1000))));
        }
        return new Case(policy, new Queue(earliest, occupied, perDay, waiting), start, end);
    }
}
