package io.contentfactory.scheduler.api;

import io.contentfactory.scheduler.domain.TargetStatus;
import io.contentfactory.scheduler.service.CalendarService;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The manual posts as an iCalendar ({@code .ics}) feed: an event at each due time, with the caption to paste, the
 * media to download, and how to report the post done. Event ids are the target ids, so a calendar app updates an
 * event in place when its post is rescheduled, posted or canceled.
 */
final class CalendarFeed {

    private static final Duration EVENT_LENGTH = Duration.ofMinutes(15);

    private CalendarFeed() {}

    static String render(CalendarService.Plan plan, Instant now) {
        ICalendarWriter ics = new ICalendarWriter()
                .begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//Content Factory//Scheduler//EN")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Content Factory: posts to make")
                .text("X-WR-TIMEZONE", plan.settings().zone().getId());
        for (CalendarService.Item item : plan.entries()) {
            event(ics, item, now);
        }
        return ics.end("VCALENDAR").build();
    }

    private static void event(ICalendarWriter ics, CalendarService.Item item, Instant now) {
        var target = item.target();
        var post = item.post();
        ics.begin("VEVENT")
                .raw("UID", target.id + "@contentfactory")
                .time("DTSTAMP", now)
                .time("DTSTART", target.scheduledAt)
                .time("DTEND", target.scheduledAt.plus(EVENT_LENGTH))
                .text("SUMMARY", summary(item))
                .text("DESCRIPTION", description(item))
                .raw("STATUS", target.status == TargetStatus.CANCELED ? "CANCELLED" : "CONFIRMED")
                .text("CATEGORIES", target.platform);
        if (target.permalink != null) {
            ics.raw("URL", target.permalink);
        } else if (!item.mediaUrls().isEmpty()) {
            ics.raw("URL", item.mediaUrls().get(0));
        }
        for (String media : item.mediaUrls()) {
            ics.raw("ATTACH", media);
        }
        if (target.status == TargetStatus.PLANNED || target.status == TargetStatus.AWAITING_MANUAL) {
            ics.begin("VALARM")
                    .raw("ACTION", "DISPLAY")
                    .text("DESCRIPTION", summary(item))
                    .raw("TRIGGER", "-PT10M")
                    .end("VALARM");
        }
        ics.end("VEVENT");
    }

    private static String summary(CalendarService.Item item) {
        String done = item.target().status == TargetStatus.PUBLISHED ? "Posted: " : "Post ";
        return done + item.target().format.replace('_', ' ') + " to " + item.target().platform + " ("
                + item.target().accountId + ")";
    }

    private static String description(CalendarService.Item item) {
        var post = item.post();
        StringBuilder text = new StringBuilder("Caption:\n").append(post.captionText());
        text.append("\n\nMedia:\n").append(item.mediaUrls().stream().collect(Collectors.joining("\n")));
        if (item.target().status == TargetStatus.PUBLISHED) {
            text.append("\n\nPosted: ").append(item.target().permalink);
        } else {
            text.append("\n\nWhen it is live: POST /v1/posts/")
                    .append(post.id)
                    .append("/targets/")
                    .append(item.target().id)
                    .append("/mark-posted with {\"url\": \"<the post's link>\"}");
        }
        return text.toString();
    }
}
