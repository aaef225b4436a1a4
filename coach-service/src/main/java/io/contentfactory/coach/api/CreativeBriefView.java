package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.BriefContent;
import io.contentfactory.coach.domain.CreativeBrief;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A creative brief: the seed's {@code GET /api/creative-briefs} fields in this API's camelCase ({@code angle_name} is
 * {@code angleName}, {@code target_audience} {@code targetAudience}, {@code core_promise} {@code corePromise}, {@code
 * hook_ideas} {@code hookIdeas}, {@code script_outline} {@code scriptOutline}, {@code visual_directions} {@code
 * visualDirections} with {@code face_cam} as {@code faceCam}, {@code posting_guidance} {@code postingGuidance} with
 * {@code platform_priority} and {@code time_window_hint} as {@code platformPriority} and {@code timeWindowHint}),
 * plus where it came from and the evidence it rests on.
 */
@Schema(name = "CreativeBrief")
public record CreativeBriefView(
        UUID id,

        @Schema(enumeration = {"kalodata_product", "own_top_post", "prompt_only"})
        String sourceType,

        @Schema(description = "What it was made from: the post and its figures, the prompt, or the pattern")
        Map<String, Object> sourceReference,

        @Schema(description = "The media item an own_top_post brief builds on; null otherwise")
        UUID mediaId,

        String angleName,
        String targetAudience,
        String corePromise,
        List<String> hookIdeas,
        BriefContent.ScriptOutline scriptOutline,
        BriefContent.VisualDirections visualDirections,
        BriefContent.PostingGuidance postingGuidance,

        @Schema(
                description =
                        "For an own_top_post brief, the ids of the entries of the media's coach snapshot it rests on")
        List<String> evidence,

        boolean readyForUse,
        Instant createdAt,
        Instant updatedAt) {

    static CreativeBriefView of(CreativeBrief brief) {
        BriefContent content = brief.content;
        return new CreativeBriefView(
                brief.id,
                brief.source.wire(),
                brief.reference,
                brief.mediaId,
                content.angleName(),
                content.targetAudience(),
                content.corePromise(),
                content.hookIdeas(),
                content.scriptOutline(),
                content.visualDirections(),
                content.postingGuidance(),
                brief.evidence,
                brief.readyForUse,
                brief.createdAt,
                brief.updatedAt);
    }
}
