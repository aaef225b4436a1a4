package io.contentfactory.scheduler.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.scheduler.domain.planning.QueuePlanner.Candidate;
import io.contentfactory.scheduler.domain.planning.QueuePlanner.Placement;
import io.contentfactory.scheduler.domain.planning.QueuePlanner.Queue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Worked examples of the planning rules, each with the numbers spelled out. */
class QueuePlannerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant START = Instant.parse("2026-03-20T00:00:00Z");

    @Test
    void theSpacingRuleClampsHorizonOverCountBetweenTheGaps() {
        PlanningPolicy policy = policy(ZoneId.of("UTC"), PostingWindows.always(), 0);
        assertThat(policy.gap(1)).isEqualTo(Duration.ofHours(24));
        assertThat(policy.gap(60)).isEqualTo(Duration.ofHours(24));
        assertThat(policy.gap(240)).isEqualTo(Duration.ofHours(6));
        assertThat(policy.gap(720)).isEqualTo(Duration.ofHours(2));
        assertThat(policy.gap(5_000)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void fewMediaAreADayApartAndAFullQueueFillsTheHorizonAtTheMinimumGap() {
        PlanningPolicy policy = policy(ZoneId.of("UTC"), PostingWindows.always(), 0);

        List<Placement> few = QueuePlanner.plan(policy, queue(List.of(), waiting(3)));
        assertThat(few)
                .extracting(Placement::slot)
                .containsExactly(START, START.plus(Duration.ofHours(24)), START.plus(Duration.ofHours(48)));

        List<Placement> many = QueuePlanner.plan(policy, queue(List.of(), waiting(800)));
        assertThat(many).hasSize(720);
        assertThat(many.get(719).slot())
                .isEqualTo(START.plus(Duration.ofDays(60)).minus(Duration.ofHours(2)));
    }

    @Test
    void newMediaFillTheHolesBetweenOccupiedSlotsWithoutMovingThem() {
        PlanningPolicy policy = policy(ZoneId.of("UTC"), PostingWindows.always(), 0);
        List<Instant> occupied = List.of(START.plus(Duration.ofHours(10)), START.plus(Duration.ofHours(30)));

        List<Placement> plan = QueuePlanner.plan(policy, queue(occupied, waiting(2)));

        // Four posts in the horizon keep the gap at 24 h. The first slot is free at once; a day later would crowd the
        // occupied 10 h and 30 h posts, which are the next posts themselves; the second slot comes a day after 30 h.
        assertThat(plan).extracting(Placement::slot).containsExactly(START, START.plus(Duration.ofHours(54)));
    }

    @Test
    void aLocalWindowKeepsItsWallClockTimeAcrossTheSpringChange() {
        PostingWindows nineToHalfPast = PostingWindows.daily(PostingWindows.Range.parse("09:00-09:30"));
        PlanningPolicy policy = policy(BERLIN, nineToHalfPast, 0);

        List<Placement> plan = QueuePlanner.plan(policy, queue(List.of(), waiting(15)));

        assertThat(plan).hasSize(15);
        // 29 March 2026: Berlin moves from UTC+1 to UTC+2. A day after 08:00Z is 10:00 local, outside the window, so
        // that post moves back to 09:30 local (07:30Z), still within the maximum gap, and the rest follow a day apart.
        assertThat(plan.get(0).slot()).isEqualTo(Instant.parse("2026-03-20T08:00:00Z"));
        assertThat(plan.get(8).slot()).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(plan.get(9).slot()).isEqualTo(Instant.parse("2026-03-29T07:30:00Z"));
        assertThat(plan.get(14).slot()).isEqualTo(Instant.parse("2026-04-03T07:30:00Z"));
        plan.forEach(p ->
                assertThat(p.slot().atZone(BERLIN).toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 30)));
    }

    @Test
    void theDailyCapSpreadsAFullQueueOverMoreDays() {
        PlanningPolicy policy = policy(ZoneId.of("UTC"), PostingWindows.always(), 3);
        // 400 media over 60 days would be 3.6 h apart, over six a day; three a day fit 180 of them.
        List<Placement> plan = QueuePlanner.plan(policy, queue(List.of(), waiting(400)));

        assertThat(plan).hasSize(180);
        assertThat(plan.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                p -> p.slot().atZone(ZoneId.of("UTC")).toLocalDate(),
                                java.util.stream.Collectors.counting()))
                        .values())
                .hasSize(60)
                .allMatch(perDay -> perDay == 3);
    }

    @Test
    void theBestMediaTakeTheBestHourOfTheirWeek() {
        double[] weights = SlotWeights.flat().weights();
        weights[4 * 24 + 12] = 3.0; // Friday 12:00 local: the week's best hour
        PostingWindows always = PostingWindows.always();
        PlanningPolicy policy = new PlanningPolicy(
                ZoneId.of("UTC"),
                always,
                Duration.ofDays(60),
                Duration.ofHours(2),
                Duration.ofHours(24),
                0,
                new SlotWeights(weights),
                Duration.ofMinutes(1));
        Instant friday = Instant.parse("2026-03-20T12:00:00Z");
        List<Candidate> waiting = new ArrayList<>(waiting(3));
        UUID star = UUID.randomUUID();
        waiting.add(new Candidate(star, 99, START));

        List<Placement> plan =
                QueuePlanner.plan(policy, new Queue(friday.minus(Duration.ofDays(1)), List.of(), Map.of(), waiting));

        assertThat(plan)
                .filteredOn(p -> p.targetId().equals(star))
                .extracting(Placement::slot)
                .containsExactly(friday);
    }

    private static PlanningPolicy policy(ZoneId zone, PostingWindows windows, int cap) {
        return new PlanningPolicy(
                zone,
                windows,
                Duration.ofDays(60),
                Duration.ofHours(2),
                Duration.ofHours(24),
                cap,
                SlotWeights.flat(),
                Duration.ofMinutes(1));
    }

    private static Queue queue(List<Instant> occupied, List<Candidate> waiting) {
        return new Queue(START, occupied, Map.of(), waiting);
    }

    private static List<Candidate> waiting(int count) {
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(new Candidate(new UUID(0, i), 50, START.plusSeconds(i)));
        }
        return all;
    }

    /** 60 posts over 60 days: a day apart, with a day's slack up to the 48 h maximum gap. */
    private static PlanningPolicy slack(SlotWeights weights) {
        return new PlanningPolicy(
                ZoneId.of("Europe/Berlin"),
                PostingWindows.always(),
                Duration.ofDays(60),
                Duration.ofHours(2),
                Duration.ofHours(48),
                0,
                weights,
                Duration.ofMinutes(1));
    }

    private static LearnedSlots evenings(double sd, double exploreShare) {
        double[] mean = new double[SlotWeights.HOURS_PER_WEEK];
        double[] deviation = new double[SlotWeights.HOURS_PER_WEEK];
        for (int slot = 0; slot < mean.length; slot++) {
            mean[slot] = slot % 24 == 18 ? 0.8 : 0;
            deviation[slot] = sd;
        }
        return new LearnedSlots(4, mean, deviation, exploreShare);
    }

    @Test
    void theSpacingRulesSlackGoesToTheBetterHourAndFlatWeightsKeepTheGapsTime() {
        Queue queue = new Queue(START, List.of(), Map.of(), waiting(60));

        List<Placement> flat = QueuePlanner.plan(slack(SlotWeights.flat()), queue);
        List<Placement> learned = QueuePlanner.plan(slack(SlotWeights.flat()).withLearned(evenings(0.01, 0)), queue);

        assertThat(flat).hasSize(60);
        assertThat(flat.get(1).slot()).isEqualTo(flat.get(0).slot().plus(Duration.ofDays(1)));
        assertThat(flat).allSatisfy(p -> assertThat(p.choice()).isNull());
        assertThat(learned)
                .as("every post moves within its slack to 18:00 local, chosen to exploit")
                .allSatisfy(p -> {
                    assertThat(p.slot().atZone(ZoneId.of("Europe/Berlin")).getHour())
                            .isEqualTo(18);
                    assertThat(p.choice()).isEqualTo(LearnedSlots.Choice.EXPLOIT);
                });
    }

    @Test
    void aShareOfDecisionsExploresUncertainHoursAndSaysSo() {
        Queue queue = new Queue(START, List.of(), Map.of(), waiting(60));

        List<Placement> exploring = QueuePlanner.plan(slack(SlotWeights.flat()).withLearned(evenings(1.0, 0.3)), queue);
        List<Placement> again = QueuePlanner.plan(slack(SlotWeights.flat()).withLearned(evenings(1.0, 0.3)), queue);

        long explored = exploring.stream()
                .filter(p -> p.choice() == LearnedSlots.Choice.EXPLORE)
                .count();
        assertThat(explored)
                .as("about 30 %% of 60 decisions draw; a draw may still land on 18:00")
                .isBetween(3L, 30L);
        assertThat(exploring)
                .filteredOn(p -> p.choice() == LearnedSlots.Choice.EXPLORE)
                .as("an explored post goes to another hour of the week than the means would pick")
                .anySatisfy(p -> assertThat(
                                p.slot().atZone(ZoneId.of("Europe/Berlin")).getHour())
                        .isNotEqualTo(18));
        assertThat(again)
                .as("the draws are seeded: the same queue plans the same")
                .isEqualTo(exploring);
    }
}
