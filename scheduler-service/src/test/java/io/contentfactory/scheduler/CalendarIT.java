package io.contentfactory.scheduler;

import static io.contentfactory.scheduler.SchedulerApi.TIMEOUT;
import static io.contentfactory.scheduler.SchedulerApi.analysed;
import static io.contentfactory.scheduler.SchedulerApi.body;
import static io.contentfactory.scheduler.SchedulerApi.count;
import static io.contentfactory.scheduler.SchedulerApi.expect;
import static io.contentfactory.scheduler.SchedulerApi.get;
import static io.contentfactory.scheduler.SchedulerApi.put;
import static io.contentfactory.scheduler.SchedulerApi.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.contentfactory.contracts.EventCodec;
import io.contentfactory.contracts.Topics;
import io.contentfactory.contracts.events.ManualPostRequired;
import io.contentfactory.contracts.events.MediaType;
import io.contentfactory.contracts.events.PostPublished;
import io.contentfactory.contracts.events.ProjectCreated;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.contentfactory.testkit.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Planning settings, the calendar, approval, and manual mode with its iCalendar feed and mark-posted. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@TestProfile(CalendarIT.RealTimePlanning.class)
class CalendarIT {

    /** Plan hours last an hour here, so that a 60-day horizon reaches the next day's local posting window. */
    public static class RealTimePlanning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("factory.scheduler.plan-hour", "PT1H");
        }
    }

    private final TopicProbe kafka = TopicProbe.onTestBroker();

    @Test
    void postsWithoutATimeLandInsideTheProjectsLocalWindowsUnderTheDailyCap() {
        UUID project = UUID.randomUUID();
        ZoneId zone = ZoneId.of("America/New_York");
        Map<String, Object> settings = settings(zone.getId());
        settings.put(
                "windows",
                Map.of(
                        "monday",
                        List.of("09:00-09:30"),
                        "tuesday",
                        List.of("09:00-09:30"),
                        "wednesday",
                        List.of("09:00-09:30"),
                        "thursday",
                        List.of("09:00-09:30"),
                        "friday",
                        List.of("09:00-09:30"),
                        "saturday",
                        List.of("09:00-09:30"),
                        "sunday",
                        List.of("09:00-09:30")));
        settings.put("dailyCaps", Map.of("instagram", 1));
        send(project, "PUT", "/v1/calendar/settings", settings)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo(zone.getId()))
                .body("dailyCaps.instagram", equalTo(1))
                .body("windows.sunday[0]", equalTo("09:00-09:30"));

        UUID first = analysed(project, MediaType.IMAGE);
        UUID second = analysed(project, MediaType.IMAGE);
        Instant a = Instant.parse(put(project, "w1", body(List.of(first), "feed_image", "auto"))
                .then()
                .statusCode(201)
                .extract()
                .path("targets[0].scheduledAt"));
        Instant b = Instant.parse(put(project, "w2", body(List.of(second), "feed_image", "auto"))
                .then()
                .statusCode(201)
                .extract()
                .path("targets[0].scheduledAt"));

        for (Instant slot : List.of(a, b)) {
            LocalTime local = slot.atZone(zone).toLocalTime();
            assertThat(local).isBetween(LocalTime.of(9, 0), LocalTime.of(9, 30));
        }
        assertThat(LocalDate.ofInstant(a, zone)).isNotEqualTo(LocalDate.ofInstant(b, zone));

        Response calendar = send(
                project,
                "GET",
                "/v1/calendar?from=" + Instant.now() + "&to=" + Instant.now().plus(Duration.ofDays(5)),
                null);
        calendar.then().statusCode(200).body("timeZone", equalTo(zone.getId()));
        List<String> refs = calendar.jsonPath().getList("entries.clientRef");
        assertThat(refs).containsSubsequence("w1", "w2");
        assertThat(calendar.jsonPath().getString("entries.find { it.clientRef == 'w1' }.localTime"))
                .contains("T09:");
    }

    @Test
    void anAccountsLearnedHoursPlanItsPostsAndTheCalendarSaysWhetherEachSlotExploitsOrExplores() {
        UUID project = UUID.randomUUID();
        SchedulerApi.autoTarget(project, "instagram", "learned-account");
        kafka.send(Topics.MODEL_UPDATED, project.toString(), modelEvent(project, learnedHours(5)));
        await().atMost(SchedulerApi.TIMEOUT)
                .until(() -> SchedulerApi.count(
                                "select count(*) from scheduler.learned_slots where project_id = '" + project + "'")
                        == 1);

        for (int i = 0; i < 3; i++) {
            analysed(project, MediaType.IMAGE);
        }
        await().atMost(SchedulerApi.TIMEOUT)
                .until(() -> SchedulerApi.count("select count(*) from scheduler.post_targets where project_id = '"
                                + project + "' and status = 'planned' and model_version = 5")
                        == 3);
        Response calendar = send(
                project,
                "GET",
                "/v1/calendar?from=" + Instant.now() + "&to=" + Instant.now().plus(Duration.ofDays(70)),
                null);
        calendar.then().statusCode(200);
        assertThat(calendar.jsonPath().getList("entries.slotChoice", String.class))
                .hasSize(3)
                .allSatisfy(choice -> assertThat(choice).isIn("exploit", "explore"));
        assertThat(calendar.jsonPath().getList("entries.modelVersion", Integer.class))
                .containsOnly(5);

        // A reset to the defaults: the planner's unfired slots are planned again without learned hours.
        kafka.send(Topics.MODEL_UPDATED, project.toString(), modelEvent(project, defaults()));
        await().atMost(SchedulerApi.TIMEOUT)
                .until(() ->
                        SchedulerApi.count("select count(*) from scheduler.post_targets where project_id = '" + project
                                        + "' and status = 'planned' and model_version is null and slot_choice is null")
                                == 3);
    }

    private static io.contentfactory.contracts.events.ModelUpdated learnedHours(int version) {
        List<io.contentfactory.contracts.events.ModelUpdated.SlotEffect> slots = new java.util.ArrayList<>();
        for (int slot = 0; slot < 168; slot++) {
            slots.add(new io.contentfactory.contracts.events.ModelUpdated.SlotEffect(slot % 24 == 18 ? 2.0 : 0, 0.3));
        }
        return new io.contentfactory.contracts.events.ModelUpdated(
                io.contentfactory.contracts.events.Platform.INSTAGRAM,
                "learned-account",
                version,
                "learned",
                30,
                "7d",
                Instant.now(),
                List.of(new io.contentfactory.contracts.events.ModelUpdated.Effect("level", 0, -0.1, 0.1)),
                new double[][] {{0.01}},
                0.2,
                List.of(),
                "UTC",
                slots,
                null);
    }

    private static io.contentfactory.contracts.events.ModelUpdated defaults() {
        return new io.contentfactory.contracts.events.ModelUpdated(
                io.contentfactory.contracts.events.Platform.INSTAGRAM,
                "learned-account",
                0,
                "defaults",
                0,
                "7d",
                null,
                List.of(),
                null,
                0,
                List.of(),
                null,
                List.of(),
                null);
    }

    private static String modelEvent(UUID project, io.contentfactory.contracts.events.ModelUpdated model) {
        return io.contentfactory.contracts.EventCodec.toJson(io.contentfactory.contracts.EventCodec.envelope(
                UUID.randomUUID(), "/content-factory/coach-service", project, Instant.now(), model));
    }

    @Test
    void aNewProjectPlansInTheTimeZoneItWasCreatedWith() {
        UUID project = UUID.randomUUID();
        ProjectCreated created =
                new ProjectCreated(project, "tokyo-" + project.toString().substring(0, 8), "Tokyo", "Asia/Tokyo");
        kafka.send(
                Topics.PROJECT_CREATED,
                project.toString(),
                EventCodec.toJson(EventCodec.envelope(
                        UUID.randomUUID(), "/content-factory/api-gateway", project, Instant.now(), created)));
        await().atMost(TIMEOUT)
                .until(() -> "Asia/Tokyo"
                        .equals(send(project, "GET", "/v1/calendar/settings", null)
                                .path("timeZone")));
        // No account is queued for until the project names one: a new project has no auto-targets.
        send(project, "GET", "/v1/calendar/settings", null).then().body("autoTargets", org.hamcrest.Matchers.empty());
    }

    @Test
    void analysedMediaOfAProjectWithoutAutoTargetsIsNotQueuedForAnyAccount() {
        UUID project = UUID.randomUUID();
        UUID silent = SchedulerApi.analysed(project, MediaType.IMAGE);
        SchedulerApi.autoTarget(project, "instagram", "sandbox-ig-account");
        UUID queued = SchedulerApi.analysed(project, MediaType.IMAGE);

        await().atMost(TIMEOUT)
                .until(() ->
                        count("select count(*) from scheduler.post_targets where media_id = '" + queued + "'") == 1);
        assertThat(count("select count(*) from scheduler.post_targets where media_id = '" + silent + "'"))
                .isZero();
    }

    @Test
    void badSettingsAreRefusedWithClearCodes() {
        UUID project = UUID.randomUUID();
        expect(send(project, "PUT", "/v1/calendar/settings", settings("Mars/Olympus_Mons")), 400, "invalid_time_zone");
        Map<String, Object> windows = settings("UTC");
        windows.put("windows", Map.of("funday", List.of("09:00-10:00")));
        expect(send(project, "PUT", "/v1/calendar/settings", windows), 400, "invalid_windows");
        windows.put("windows", Map.of("monday", List.of("22:00-08:00")));
        expect(send(project, "PUT", "/v1/calendar/settings", windows), 400, "invalid_windows");
        Map<String, Object> caps = settings("UTC");
        caps.put("dailyCaps", Map.of("myspace", 2));
        expect(send(project, "PUT", "/v1/calendar/settings", caps), 400, "invalid_platform");
        Map<String, Object> weights = settings("UTC");
        weights.put("slotWeights", Map.of("instagram", List.of(1.0, 2.0)));
        expect(send(project, "PUT", "/v1/calendar/settings", weights), 400, "invalid_weights");
        send(project, "GET", "/v1/calendar/settings", null)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("requireApproval", equalTo(false));
    }

    @Test
    void aProjectThatRequiresApprovalPublishesOnlyApprovedPosts() {
        UUID project = UUID.randomUUID();
        Map<String, Object> settings = settings("UTC");
        settings.put("requireApproval", true);
        send(project, "PUT", "/v1/calendar/settings", settings).then().statusCode(200);
        UUID media = analysed(project, MediaType.IMAGE);
        String soon = Instant.now().plusSeconds(2).toString();

        Map<String, Object> draft = body(List.of(media), "feed_image", soon);
        draft.put("reviewStatus", "draft");
        String draftId =
                put(project, "draft", draft).then().statusCode(201).extract().path("id");
        Map<String, Object> approved = body(List.of(media), "feed_image", soon);
        approved.put("reviewStatus", "approved");
        String approvedId = put(project, "approved", approved)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> rejected = body(List.of(media), "feed_image", soon);
        rejected.put("reviewStatus", "rejected");
        String rejectedId = put(project, "rejected", rejected)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        await().atMost(TIMEOUT)
                .until(() ->
                        "due".equals(get(project, "/v1/posts/" + approvedId).path("targets[0].status")));
        await().atMost(TIMEOUT)
                .until(() ->
                        "failed".equals(get(project, "/v1/posts/" + draftId).path("targets[0].status")));
        get(project, "/v1/posts/" + draftId).then().body("targets[0].error.code", equalTo("not_approved"));
        await().atMost(TIMEOUT)
                .until(() -> "canceled"
                        .equals(get(project, "/v1/posts/" + rejectedId).path("targets[0].status")));
        String draftTarget = get(project, "/v1/posts/" + draftId).path("targets[0].id");
        assertThat(kafka.all(Topics.POST_DUE)).noneMatch(r -> r.value().contains(draftTarget));
    }

    @Test
    void aManualPostIsInTheFeedWhenDueAndCompletesWhenMarkedPosted() throws Exception {
        UUID project = UUID.randomUUID();
        send(project, "PUT", "/v1/calendar/settings", settings("Europe/Berlin"))
                .then()
                .statusCode(200);
        UUID media = analysed(project, MediaType.VIDEO);
        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> manual = body(List.of(media), "reel", due.toString());
        manual.put("mode", "manual");
        manual.put(
                "caption",
                Map.of(
                        "body",
                        "Behind the scenes; with commas, and a line\nbreak — and ünïcödé that is long enough to need folding",
                        "hashtags",
                        List.of("bts")));
        Response created = put(project, "by-hand", manual);
        created.then().statusCode(201);
        String postId = created.path("id");
        String targetId = created.path("targets[0].id");

        ManualPostRequired required = EventCodec.data(
                EventCodec.parse(kafka.awaitOne(
                                Topics.MANUAL_POST_REQUIRED, r -> r.value().contains(targetId), TIMEOUT)
                        .value()),
                ManualPostRequired.class);
        assertThat(required.dueAt()).isEqualTo(due);
        assertThat(required.caption())
                .as("the whole caption a person pastes")
                .startsWith("Behind the scenes")
                .endsWith("\n\n#bts");
        await().atMost(TIMEOUT)
                .until(() -> "awaiting_manual"
                        .equals(get(project, "/v1/posts/" + postId).path("targets[0].status")));

        Response feed = send(project, "GET", "/v1/calendar.ics", null);
        feed.then().statusCode(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        String ics = feed.asString();
        assertThat(ics.split("\r\n"))
                .allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(targetId + "@contentfactory");
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(due);
        String description = event.getDescription().getValue();
        assertThat(description)
                .contains("Behind the scenes; with commas, and a line\nbreak — and ünïcödé")
                .contains("#bts")
                .contains(required.mediaUrl())
                .contains("/mark-posted");

        String markPath = "/v1/posts/" + postId + "/targets/" + targetId + "/mark-posted";
        expect(send(project, "POST", markPath, Map.of("url", "javascript:alert(1)")), 400, "invalid_url");
        send(project, "POST", markPath, Map.of("url", "https://www.instagram.com/reel/C0dE42/"))
                .then()
                .statusCode(200)
                .body("targets[0].status", equalTo("published"))
                .body("targets[0].permalink", equalTo("https://www.instagram.com/reel/C0dE42/"))
                .body("targets[0].externalPostId", equalTo("C0dE42"));
        PostPublished published = EventCodec.data(
                EventCodec.parse(
                        kafka.awaitOne(Topics.POST_PUBLISHED, r -> r.value().contains(targetId), TIMEOUT)
                                .value()),
                PostPublished.class);
        assertThat(published.permalink()).isEqualTo("https://www.instagram.com/reel/C0dE42/");
        assertThat(published.caption()).startsWith("Behind the scenes").endsWith("#bts");
        expect(
                send(project, "POST", markPath, Map.of("url", "https://www.instagram.com/reel/C0dE42/")),
                409,
                "already_published");
        expect(
                send(
                        project,
                        "POST",
                        "/v1/posts/" + postId + "/targets/" + UUID.randomUUID() + "/mark-posted",
                        Map.of("url", "https://www.instagram.com/reel/x/")),
                404,
                "not_found");

        String posted = send(project, "GET", "/v1/calendar.ics", null).asString();
        VEvent done = new CalendarBuilder()
                .build(new StringReader(posted))
                .<VEvent>getComponents("VEVENT")
                .get(0);
        assertThat(done.getSummary().getValue()).startsWith("Posted:");

        String autoId = put(
                        project,
                        "automatic",
                        body(
                                List.of(media),
                                "reel",
                                Instant.now().plusSeconds(3600).toString()))
                .path("id");
        String autoTarget = get(project, "/v1/posts/" + autoId).path("targets[0].id");
        expect(
                send(
                        project,
                        "POST",
                        "/v1/posts/" + autoId + "/targets/" + autoTarget + "/mark-posted",
                        Map.of("url", "https://www.instagram.com/reel/y/")),
                409,
                "not_manual");
    }

    private static Map<String, Object> settings(String zone) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("timeZone", zone);
        settings.put("autoTargets", List.of());
        return settings;
    }
}
