package io.contentfactory.scheduler.api;

import io.contentfactory.contracts.events.Platform;
import io.contentfactory.kit.api.ApiValues;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.scheduler.domain.ScheduleSettings;
import io.contentfactory.scheduler.domain.planning.PostingWindows;
import io.contentfactory.scheduler.domain.planning.SlotWeights;
import io.contentfactory.scheduler.service.CalendarService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The plan as a calendar, how it is planned, and the manual posts as an iCalendar feed. */
@Path("/v1")
@Authenticated
public class CalendarResource {

    private static final String PROBLEM = "application/problem+json";

    private final CalendarService calendar;
    private final CallerProject caller;

    CalendarResource(CalendarService calendar, CallerProject caller) {
        this.calendar = calendar;
        this.caller = caller;
    }

    public record Entry(
            Instant at,
            OffsetDateTime localTime,
            UUID postId,
            String clientRef,
            UUID targetId,
            String platform,
            String accountId,
            String format,
            String mode,
            String status,
            String slotSource,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "For a slot the planner chose with the account's learned hours: exploit (the"
                            + " best-known hour) or explore (a Thompson draw moved it to learn); null otherwise")
            String slotChoice,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "The learned model version the slot was chosen with; null without one")
            Integer modelVersion,

            List<UUID> mediaIds) {}

    public record CalendarView(String timeZone, Instant from, Instant to, List<Entry> entries, long queued) {}

    public record AutoTargetBody(
            @NotBlank String platform,
            @NotBlank @Size(max = 200) String accountId) {}

    /**
     * @param windows     per weekday ({@code monday} ...), local {@code HH:MM-HH:MM} ranges; a day left out is closed;
     *                    null or absent: posting around the clock
     * @param dailyCaps   posts per local day, per platform
     * @param autoTargets the accounts every analysed media item is queued for; empty: none
     * @param slotWeights per platform, 168 hour-of-week weights from Monday 00:00 local
     */
    public record SettingsBody(
            @NotBlank String timeZone,
            Map<String, List<String>> windows,
            Map<String, @NotNull @PositiveOrZero Integer> dailyCaps,
            @Size(max = 50) List<@Valid @NotNull AutoTargetBody> autoTargets,
            Boolean requireApproval,
            Map<String, List<Double>> slotWeights) {}

    @GET
    @Path("/calendar")
    @Operation(
            operationId = "getCalendar",
            summary = "The plan: every target with a slot between from (inclusive) and to (exclusive), "
                    + "in the project's time zone, and how many wait beyond the horizon")
    @APIResponse(
            responseCode = "400",
            description = "invalid_time or invalid_window",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CalendarView.class)))
    public Uni<CalendarView> calendar(@QueryParam("from") String from, @QueryParam("to") String to) {
        TimeWindow window = TimeWindow.of(from, to, Instant.now());
        return calendar.plan(caller.id(), window.from(), window.to())
                .map(plan -> new CalendarView(
                        plan.settings().zone().getId(),
                        window.from(),
                        window.to(),
                        plan.entries().stream()
                                .map(e -> new Entry(
                                        e.target().scheduledAt,
                                        e.target()
                                                .scheduledAt
                                                .atZone(plan.settings().zone())
                                                .toOffsetDateTime(),
                                        e.post().id,
                                        e.post().clientRef,
                                        e.target().id,
                                        e.target().platform,
                                        e.target().accountId,
                                        e.target().format,
                                        e.post().mode,
                                        e.target().status.wire(),
                                        e.target().slotSource,
                                        e.target().slotChoice,
                                        e.target().modelVersion,
                                        e.post().mediaIdList()))
                                .toList(),
                        plan.queued()));
    }

    @GET
    @Path("/calendar/settings")
    @Operation(operationId = "getPlanningSettings", summary = "How the project's posts are planned")
    public Uni<SettingsBody> settings() {
        return calendar.settings(caller.id()).map(CalendarResource::view);
    }

    @PUT
    @Path("/calendar/settings")
    @Operation(
            operationId = "putPlanningSettings",
            summary = "Replace how the project's posts are planned; slots the planner chose are planned again")
    @APIResponse(
            responseCode = "400",
            description = "invalid_time_zone, invalid_windows, invalid_platform or invalid_weights",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "200",
            description = "The settings now in force",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettingsBody.class)))
    public Uni<SettingsBody> putSettings(@Valid @NotNull SettingsBody body) {
        return calendar.applySettings(caller.id(), settings(body)).map(CalendarResource::view);
    }

    @GET
    @Path("/calendar.ics")
    @Produces("text/calendar")
    @Operation(
            operationId = "getCalendarFeed",
            summary = "The project's manual posts as an iCalendar feed, for Google Calendar or Outlook. "
                    + "Calendar apps fetch it with the project's feed token: GET /v1/calendar.ics?token=...")
    @APIResponse(
            responseCode = "200",
            description = "An iCalendar (RFC 5545) feed of the manual posts",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> feed() {
        return calendar.manualPosts(caller.id())
                .map(plan -> Response.ok(CalendarFeed.render(plan, Instant.now()), "text/calendar; charset=utf-8")
                        .header("Content-Disposition", "inline; filename=\"content-factory.ics\"")
                        .build());
    }

    private static ScheduleSettings settings(SettingsBody body) {
        ZoneId zone;
        try {
            zone = ZoneId.of(body.timeZone());
        } catch (DateTimeException e) {
            throw new DomainError.Invalid(
                    "invalid_time_zone",
                    "timeZone is an IANA zone such as Europe/Berlin; '" + body.timeZone() + "' is not one");
        }
        PostingWindows windows;
        try {
            windows =
                    body.windows() == null ? PostingWindows.always() : ScheduleSettings.windowsFromText(body.windows());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new DomainError.Invalid(
                    "invalid_windows",
                    "windows map monday..sunday to ranges like \"08:00-22:00\" (24:00 ends the day)");
        }
        Map<Platform, Integer> caps = new EnumMap<>(Platform.class);
        if (body.dailyCaps() != null) {
            body.dailyCaps()
                    .forEach((platform, cap) ->
                            caps.put(ApiValues.enumValue(Platform.class, platform, "invalid_platform"), cap));
        }
        List<ScheduleSettings.AutoTarget> autoTargets = body.autoTargets() == null
                ? List.of()
                : body.autoTargets().stream()
                        .map(t -> new ScheduleSettings.AutoTarget(
                                ApiValues.enumValue(Platform.class, t.platform(), "invalid_platform"),
                                t.accountId().strip()))
                        .toList();
        Map<Platform, SlotWeights> weights = new EnumMap<>(Platform.class);
        if (body.slotWeights() != null) {
            body.slotWeights()
                    .forEach((platform, raw) -> weights.put(
                            ApiValues.enumValue(Platform.class, platform, "invalid_platform"), weights(raw)));
        }
        return new ScheduleSettings(
                zone, windows, caps, autoTargets, Boolean.TRUE.equals(body.requireApproval()), weights);
    }

    private static SlotWeights weights(List<Double> raw) {
        try {
            return new SlotWeights(raw.stream()
                    .mapToDouble(weight -> weight == null ? Double.NaN : weight)
                    .toArray());
        } catch (IllegalArgumentException e) {
            throw new DomainError.Invalid(
                    "invalid_weights",
                    "slotWeights hold 168 finite, non-negative weights per platform, Monday 00:00 first");
        }
    }

    private static SettingsBody view(ScheduleSettings settings) {
        Map<String, Integer> caps = new LinkedHashMap<>();
        settings.dailyCaps().forEach((platform, cap) -> caps.put(platform.name().toLowerCase(), cap));
        Map<String, List<Double>> weights = new LinkedHashMap<>();
        settings.weights()
                .forEach((platform, table) -> weights.put(
                        platform.name().toLowerCase(),
                        java.util.Arrays.stream(table.weights()).boxed().toList()));
        return new SettingsBody(
                settings.zone().getId(),
                settings.windows().equals(PostingWindows.always())
                        ? null
                        : ScheduleSettings.windowsAsText(settings.windows()),
                caps,
                settings.autoTargets().stream()
                        .map(t -> new AutoTargetBody(t.platform().name().toLowerCase(), t.accountId()))
                        .toList(),
                settings.requireApproval(),
                weights);
    }
}
