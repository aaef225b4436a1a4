package io.contentfactory.scheduler.domain.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Plans one queue: gives waiting posts free slots, never moving an occupied one. A pure function of its input, so
 * planning the same queue twice gives the same plan.
 *
 * <p>Slots are found by walking forward from the queue's last post: the next post goes the spacing rule's gap later,
 * inside a posting window and under the daily cap; if that time is closed it moves later, but not past the maximum
 * gap, else earlier, but not before the minimum gap. An occupied slot met on the way is the next post itself. The
 * walk stops at the horizon; posts that did not fit keep waiting until the horizon moves on.
 *
 * <p>Which waiting post takes which slot: week by week from the start, the highest {@code pre_social_score} posts
 * take that week's slots, and within the week the better the score, the higher the slot's hour-of-week weight.
 */
public final class QueuePlanner {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .reversed()
            .thenComparing(Candidate::queuedAt)
            .thenComparing(Candidate::targetId);

    private QueuePlanner() {}

    /** A post waiting for a slot; equal scores go in the order they were queued. */
    public record Candidate(UUID targetId, double score, Instant queuedAt) {}

    /**
     * @param earliest    no slot before this (now plus the first-slot lead)
     * @param occupied    the queue's posts that keep their time: explicit, planned earlier, due or published
     * @param postsPerDay posts already on each local day of the platform, for the daily cap
     * @param waiting     posts to place
     */
    public record Queue(
            Instant earliest,
            Collection<Instant> occupied,
            Map<LocalDate, Integer> postsPerDay,
            List<Candidate> waiting) {}

    /** A post's slot, and, when the account's hours are learned, whether it was chosen to exploit or explore. */
    public record Placement(UUID targetId, Instant slot, LearnedSlots.Choice choice) {

        public Placement(UUID targetId, Instant slot) {
            this(targetId, slot, null);
        }
    }

    public static List<Placement> plan(PlanningPolicy policy, Queue queue) {
        Walk walk = new Walk(policy, queue);
        List<Instant> slots = walk.slots(queue.waiting().size());
        return assign(policy, queue, slots, walk.choices);
    }

    private static List<Placement> assign(
            PlanningPolicy policy, Queue queue, List<Instant> slots, Map<Instant, LearnedSlots.Choice> choices) {
        List<Candidate> ranked = queue.waiting().stream().sorted(BEST_FIRST).toList();
        Instant start = slots.isEmpty() ? queue.earliest() : slots.get(0);
        List<Placement> placements = new ArrayList<>(slots.size());
        int next = 0;
        int from = 0;
        while (from < slots.size()) {
            long week = weekOf(start, slots.get(from));
            int to = from;
            while (to < slots.size() && weekOf(start, slots.get(to)) == week) {
                to++;
            }
            List<Instant> best = slots.subList(from, to).stream()
                    .sorted(Comparator.comparingDouble(
                                    (Instant slot) -> policy.weights().at(slot, policy.zone()))
                            .reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            for (Instant slot : best) {
                placements.add(new Placement(ranked.get(next++).targetId(), slot, choices.get(slot)));
            }
            from = to;
        }
        placements.sort(Comparator.comparing(Placement::slot));
        return placements;
    }

    private static long weekOf(Instant start, Instant slot) {
        return Duration.between(start, slot).dividedBy(WEEK);
    }

    /** One walk along the queue's time line. */
    private static final class Walk {
        private final PlanningPolicy policy;
        private final NavigableSet<Instant> occupied;
        private final Map<LocalDate, Integer> perDay;
        private final Instant start;
        private final Instant end;
        private final Duration gap;
        /** Why each slot of a learned account was chosen. */
        private final Map<Instant, LearnedSlots.Choice> choices = new HashMap<>();

        Walk(PlanningPolicy policy, Queue queue) {
            this.policy = policy;
            this.occupied = new TreeSet<>(queue.occupied());
            this.perDay = new HashMap<>(queue.postsPerDay());
            this.start = ceil(queue.earliest());
            this.end = start.plus(policy.horizon());
            long ahead = occupied.subSet(start, true, end, false).size();
            this.gap = policy.gap(ahead + queue.waiting().size());
        }

        List<Instant> slots(int wanted) {
            List<Instant> slots = new ArrayList<>(wanted);
            Instant previous = occupied.floor(start);
            while (slots.size() < wanted) {
                Instant fixed = previous == null ? occupied.ceiling(start) : occupied.higher(previous);
                Optional<Instant> slot = next(previous, fixed);
                if (slot.isPresent() && slot.get().isBefore(end)) {
                    slots.add(slot.get());
                    perDay.merge(day(slot.get()), 1, Integer::sum);
                    previous = slot.get();
                } else if (fixed != null && fixed.isBefore(end)) {
                    previous = fixed;
                } else {
                    break;
                }
            }
            return slots;
        }

        /**
         * The slot after {@code previous}, or empty when the occupied slot {@code fixed} is the next post. The order
         * of preference (the gap's time, later up to the maximum gap, the occupied post itself, earlier down to the
         * minimum gap, later still) makes a second walk that meets this walk's slots as occupied take them as its
         * own choices, so replanning adds nothing.
         */
        private Optional<Instant> next(Instant previous, Instant fixed) {
            Instant low = previous == null ? start : max(start, ceil(previous.plus(policy.minGap())));
            Instant target = previous == null ? start : max(start, ceil(previous.plus(gap)));
            Instant high = previous == null ? end : max(low, floor(previous.plus(policy.maxGap())));
            if (fixed != null && fixed.isBefore(target.plus(policy.minGap()))) {
                boolean gapTooLong = previous != null && fixed.isAfter(previous.plus(policy.maxGap()));
                Instant beforeFixed = floor(fixed.minus(policy.minGap()));
                return gapTooLong && !low.isAfter(beforeFixed)
                        ? allowedFrom(min(target, beforeFixed), beforeFixed)
                                .or(() -> allowedUntil(min(target, beforeFixed), low))
                        : Optional.empty();
            }
            Instant limit = fixed == null ? end : floor(fixed.minus(policy.minGap()));
            Instant bound = min(high, limit);
            // The slack the spacing rule leaves (the gap's time up to the maximum gap) goes to the better hour.
            Instant flexible = min(bound, target.plus(policy.maxGap().minus(gap)));
            LearnedSlots.Ranking ranking = policy.ranking(previous == null ? start : previous);
            Optional<Instant> later = best(target, flexible, bound, ranking.weights());
            if (fixed != null
                    && !fixed.isAfter(high)
                    && later.isPresent()
                    && weight(ranking.weights(), fixed) > weight(ranking.weights(), later.get())) {
                return Optional.empty();
            }
            if (later.isPresent() || (fixed != null && !fixed.isAfter(high))) {
                later.ifPresent(slot -> noteChoice(slot, ranking, target, flexible, bound));
                return later;
            }
            return allowedUntil(target, low).or(() -> allowedFrom(high, limit));
        }

        /**
         * The allowed time from {@code from} (before {@code bound}) whose hour weighs most, looking no later than
         * {@code flexible}; the earliest of equals, so flat weights take the first allowed time.
         */
        private Optional<Instant> best(Instant from, Instant flexible, Instant bound, SlotWeights weights) {
            Optional<Instant> first = allowedFrom(from, bound);
            if (first.isEmpty()) {
                return first;
            }
            Instant best = first.get();
            // Hours repeat weekly: a week of look-ahead holds every hour once. Only an hour that weighs more than the
            // best so far is asked whether it is open, so flat weights cost no more than before.
            Instant last = min(flexible, best.plus(WEEK));
            double top = weights.max();
            for (Instant hour = nextHour(best);
                    !hour.isAfter(last) && weight(weights, best) < top;
                    hour = nextHour(hour)) {
                if (weight(weights, hour) > weight(weights, best)) {
                    Optional<Instant> open = allowedFrom(hour, bound);
                    if (open.isPresent()
                            && !open.get().isAfter(last)
                            && weight(weights, open.get()) > weight(weights, best)) {
                        best = open.get();
                    }
                }
            }
            return Optional.of(best);
        }

        private double weight(SlotWeights weights, Instant slot) {
            return weights.at(slot, policy.zone());
        }

        /** The start of the local hour after {@code at}; always later, whatever the zone's clock changes do. */
        private Instant nextHour(Instant at) {
            Instant plusHour = at.plus(Duration.ofHours(1));
            Instant hourStart = plusHour.atZone(policy.zone())
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                    .toInstant();
            return ceil(hourStart.isAfter(at) ? hourStart : plusHour);
        }

        /** For a learned account: explore when the draw moved the post off the hour the means would choose. */
        private void noteChoice(
                Instant slot, LearnedSlots.Ranking ranking, Instant target, Instant flexible, Instant bound) {
            if (policy.learned() == null) {
                return;
            }
            boolean moved = ranking.drawn()
                    && !best(target, flexible, bound, policy.learned().exploit())
                            .map(slot::equals)
                            .orElse(false);
            choices.put(slot, moved ? LearnedSlots.Choice.EXPLORE : LearnedSlots.Choice.EXPLOIT);
        }

        private Optional<Instant> allowedFrom(Instant from, Instant to) {
            Instant at = from;
            while (!at.isAfter(to)) {
                Optional<Instant> open =
                        policy.windows().earliestOpen(at, to, policy.zone()).map(this::ceil);
                if (open.isEmpty() || open.get().isAfter(to)) {
                    return Optional.empty();
                }
                if (!capReached(open.get())) {
                    return open;
                }
                at = day(open.get()).plusDays(1).atStartOfDay(policy.zone()).toInstant();
            }
            return Optional.empty();
        }

        private Optional<Instant> allowedUntil(Instant to, Instant from) {
            Instant at = to;
            while (!at.isBefore(from)) {
                Optional<Instant> open =
                        policy.windows().latestOpen(at, from, policy.zone()).map(this::floor);
                if (open.isEmpty() || open.get().isBefore(from)) {
                    return Optional.empty();
                }
                if (!capReached(open.get())) {
                    return open;
                }
                at = day(open.get()).atStartOfDay(policy.zone()).toInstant().minusNanos(1);
            }
            return Optional.empty();
        }

        private boolean capReached(Instant slot) {
            return policy.capped() && perDay.getOrDefault(day(slot), 0) >= policy.dailyCap();
        }

        private LocalDate day(Instant slot) {
            return LocalDate.ofInstant(slot, policy.zone());
        }

        private Instant ceil(Instant at) {
            Instant down = floor(at);
            return down.equals(at) ? at : down.plus(policy.resolution());
        }

        private Instant floor(Instant at) {
            long step = policy.resolution().toNanos();
            long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
            long floored = Math.floorDiv(nanos, step) * step;
            return Instant.ofEpochSecond(
                    Math.floorDiv(floored, 1_000_000_000L), Math.floorMod(floored, 1_000_000_000L));
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
