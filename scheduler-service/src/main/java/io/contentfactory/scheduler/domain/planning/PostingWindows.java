package io.contentfactory.scheduler.domain.planning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a project allows posting: per local weekday, closed ranges of wall-clock time such as 08:00 to 22:00. Ranges
 * are resolved against the project's zone date by date, so they follow daylight-saving changes (a range starting
 * in a skipped hour starts when the clocks resume). A weekday without ranges is closed; {@link #always()} is open
 * around the clock.
 */
public record PostingWindows(Map<DayOfWeek, List<Range>> byDay) {

    private static final int DAY_MINUTES = 24 * 60;

    /** Minutes after local midnight, {@code 0 <= start < end <= 1440}; both ends may hold a post. */
    public record Range(int startMinute, int endMinute) {
        public Range {
            if (startMinute < 0 || endMinute > DAY_MINUTES || startMinute >= endMinute) {
                throw new IllegalArgumentException(
                        "a window runs from 00:00 to 24:00 at most and ends after it starts");
            }
        }

        /** {@code "08:00-22:00"}; {@code 24:00} is the end of the day. */
        public static Range parse(String text) {
            String[] ends = text.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("a window is written HH:MM-HH:MM, for example 08:00-22:00");
            }
            return new Range(minuteOf(ends[0]), minuteOf(ends[1]));
        }

        private static int minuteOf(String hhmm) {
            String value = hhmm.strip();
            if (value.equals("24:00")) {
                return DAY_MINUTES;
            }
            LocalTime time = LocalTime.parse(value);
            return time.getHour() * 60 + time.getMinute();
        }

        @Override
        public String toString() {
            return format(startMinute) + "-" + format(endMinute);
        }

        private static String format(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }
    }

    public PostingWindows {
        EnumMap<DayOfWeek, List<Range>> copy = new EnumMap<>(DayOfWeek.class);
        byDay.forEach((day, ranges) -> copy.put(
                day,
                ranges.stream()
                        .sorted(Comparator.comparingInt(Range::startMinute))
                        .toList()));
        byDay = copy;
    }

    public static PostingWindows always() {
        EnumMap<DayOfWeek, List<Range>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, List.of(new Range(0, DAY_MINUTES)));
        }
        return new PostingWindows(all);
    }

    /** The same ranges every day of the week. */
    public static PostingWindows daily(Range... ranges) {
        EnumMap<DayOfWeek, List<Range>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, List.of(ranges));
        }
        return new PostingWindows(all);
    }

    /** The first open instant at or after {@code from}, if there is one no later than {@code limit}. */
    public Optional<Instant> earliestOpen(Instant from, Instant limit, ZoneId zone) {
        LocalDate last = LocalDate.ofInstant(limit, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Span span : spans(day, zone)) {
                if (span.end.isBefore(from)) {
                    continue;
                }
                Instant candidate = span.start.isAfter(from) ? span.start : from;
                return candidate.isAfter(limit) ? Optional.empty() : Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The last open instant at or before {@code to}, if there is one no earlier than {@code limit}. */
    public Optional<Instant> latestOpen(Instant to, Instant limit, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(limit, zone).minusDays(1);
        for (LocalDate day = LocalDate.ofInstant(to, zone); !day.isBefore(first); day = day.minusDays(1)) {
            List<Span> spans = spans(day, zone);
            for (int i = spans.size() - 1; i >= 0; i--) {
                Span span = spans.get(i);
                if (span.start.isAfter(to)) {
                    continue;
                }
                Instant candidate = span.end.isBefore(to) ? span.end : to;
                return candidate.isBefore(limit) ? Optional.empty() : Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private List<Span> spans(LocalDate day, ZoneId zone) {
        List<Range> ranges = byDay.getOrDefault(day.getDayOfWeek(), List.of());
        List<Span> spans = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            spans.add(new Span(at(day, range.startMinute, zone), at(day, range.endMinute, zone)));
        }
        return spans;
    }

    private static Instant at(LocalDate day, int minute, ZoneId zone) {
        if (minute == DAY_MINUTES) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return day.atTime(minute / 60, minute % 60).atZone(zone).toInstant();
    }

    private record Span(Instant start, Instant end) {}
}
