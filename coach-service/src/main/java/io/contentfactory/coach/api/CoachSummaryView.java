package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.CoachInsight;
import io.contentfactory.coach.domain.CoachSnapshot;
import io.contentfactory.coach.domain.Evidence;
import io.contentfactory.coach.domain.Statement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A media item's coach summary: the seed's {@code GET /api/media/:id/coach-summary} field for field, in this API's
 * camelCase ({@code media_id} is {@code mediaId}, {@code pre_social_score} {@code preSocialScore},
 * {@code post_social_score_24h} {@code postSocialScore24h}, {@code performance_summary} {@code performanceSummary},
 * {@code what_worked} {@code whatWorked}, {@code what_to_improve} {@code whatToImprove},
 * {@code recommended_next_formats} {@code recommendedNextFormats}), plus the evidence of every statement, who wrote it
 * and when.
 */
@Schema(name = "CoachSummary")
public record CoachSummaryView(
        UUID mediaId,
        UUID insightId,

        @Schema(description = "The pre-social score, 0-100; null when the analysis never reached the coach")
        BigDecimal preSocialScore,

        @Schema(description = "The first post's post-social score at +24h; null before it or without a baseline")
        BigDecimal postSocialScore24h,

        String performanceSummary,
        List<String> whatWorked,
        List<String> whatToImprove,
        List<FormatView> recommendedNextFormats,

        @Schema(description = "Structured next steps (the seed's next_actions)")
        List<ActionView> nextActions,

        EvidenceView evidence,
        @Schema(description = "rules, or model:<name>") String generatedBy,

        @Schema(
                description = "Why the model's answer was set aside and the rules' stored instead (it cited evidence"
                        + " absent from the snapshot, broke the schema, failed or timed out); null otherwise")
        String modelRejection,

        @Schema(enumeration = {"checkpoint", "on_demand"}) String trigger,

        @Schema(description = "The checkpoint that triggered it; null on demand")
        String checkpoint,

        Instant generatedAt) {

    @Schema(name = "CoachFormat")
    public record FormatView(
            @Schema(enumeration = {"broll_text", "face_cam", "faces_video", "explainer", "carousel"})
            String format,

            String description) {}

    @Schema(name = "CoachAction")
    public record ActionView(
            @Schema(
                    description = "derive (make the format), or a fix: strengthen_hook, add_text_hook,"
                            + " invite_comments, shorten, faster_cuts, answer_comments, follow_up_topic,"
                            + " follow_pattern, use_learned_effect, post_at_best_hour")
            String action,

            @Schema(description = "The format to derive; null for a fix")
            String format,

            String detail) {}

    @Schema(name = "CoachEntry")
    public record EntryView(
            @Schema(enumeration = {"feature", "score", "metric", "baseline", "pattern", "comments", "learned"})
            String kind,

            String label,

            @Schema(description = "A number, or words for topics and the transcript")
            Object value) {}

    /**
     * The ids each statement cites, index for index with the statements, and what each cited id holds in the
     * insight's input snapshot.
     */
    @Schema(name = "CoachEvidence")
    public record EvidenceView(
            List<String> performanceSummary,
            List<List<String>> whatWorked,
            List<List<String>> whatToImprove,
            List<List<String>> recommendedNextFormats,
            List<List<String>> nextActions,
            Map<String, EntryView> entries) {}

    static CoachSummaryView of(CoachInsight insight) {
        CoachAdvice advice = insight.structured;
        if (advice == null) {
            return legacy(insight);
        }
        return new CoachSummaryView(
                insight.mediaId,
                insight.id,
                insight.preSocialScore,
                insight.postSocialScore24h,
                advice.summary().text(),
                texts(advice.worked()),
                texts(advice.toImprove()),
                advice.formats().stream()
                        .map(format -> new FormatView(
                                format.format().wire(), format.description().text()))
                        .toList(),
                advice.nextActions().stream()
                        .map(action -> new ActionView(
                                action.action(),
                                action.format() == null ? null : action.format().wire(),
                                action.why().text()))
                        .toList(),
                evidence(advice, insight.snapshot),
                insight.generatedBy,
                insight.modelRejection,
                insight.trigger,
                insight.checkpoint,
                insight.createdAt);
    }

    private static EvidenceView evidence(CoachAdvice advice, CoachSnapshot snapshot) {
        Map<String, EntryView> entries = new LinkedHashMap<>();
        for (Statement statement : advice.statements()) {
            for (String id : statement.evidence()) {
                snapshot.entry(id).ifPresent(entry -> entries.put(id, entry(entry)));
            }
        }
        return new EvidenceView(
                advice.summary().evidence(),
                advice.worked().stream().map(Statement::evidence).toList(),
                advice.toImprove().stream().map(Statement::evidence).toList(),
                advice.formats().stream().map(f -> f.description().evidence()).toList(),
                advice.nextActions().stream().map(a -> a.why().evidence()).toList(),
                entries);
    }

    private static EntryView entry(Evidence evidence) {
        return new EntryView(
                evidence.kind().name().toLowerCase(java.util.Locale.ROOT), evidence.label(), evidence.value());
    }

    /** An insight written before the coach cited evidence: its text, and no evidence. */
    private static CoachSummaryView legacy(CoachInsight insight) {
        return new CoachSummaryView(
                insight.mediaId,
                insight.id,
                insight.preSocialScore,
                insight.postSocialScore24h,
                insight.summary,
                lines(insight.whatWorked),
                lines(insight.whatToChange),
                List.of(),
                List.of(),
                new EvidenceView(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of()),
                insight.generatedBy,
                insight.modelRejection,
                insight.trigger,
                insight.checkpoint,
                insight.createdAt);
    }

    private static List<String> texts(List<Statement> statements) {
        return statements.stream().map(Statement::text).toList();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
