package io.contentfactory.coach.domain;

import java.util.List;

/**
 * What a creative brief tells its maker (the seed's {@code creative_briefs} columns, in our names): the angle, who it
 * is for, its promise, hooks to open on, the script's beats, how to film it and when and where to post it.
 */
public record BriefContent(
        String angleName,
        String targetAudience,
        String corePromise,
        List<String> hookIdeas,
        ScriptOutline scriptOutline,
        VisualDirections visualDirections,
        PostingGuidance postingGuidance) {

    public BriefContent {
        hookIdeas = hookIdeas == null ? List.of() : List.copyOf(hookIdeas);
    }

    /** The script's beats: how it opens, what it says, what it asks for. */
    public record ScriptOutline(List<String> intro, List<String> body, List<String> cta) {
        public ScriptOutline {
            intro = intro == null ? List.of() : List.copyOf(intro);
            body = body == null ? List.of() : List.copyOf(body);
            cta = cta == null ? List.of() : List.copyOf(cta);
        }
    }

    /** How to film it: B-roll, face-cam notes, text overlays. */
    public record VisualDirections(List<String> broll, List<String> faceCam, List<String> textOverlays) {
        public VisualDirections {
            broll = broll == null ? List.of() : List.copyOf(broll);
            faceCam = faceCam == null ? List.of() : List.copyOf(faceCam);
            textOverlays = textOverlays == null ? List.of() : List.copyOf(textOverlays);
        }
    }

    /**
     * Where and when to post it.
     *
     * @param platformPriority platforms, best first
     * @param frequency        how often, from the project's own cadence
     * @param timeWindowHint   when, from the project's measured best hours (or why there are none yet)
     */
    public record PostingGuidance(List<String> platformPriority, String frequency, String timeWindowHint) {
        public PostingGuidance {
            platformPriority = platformPriority == null ? List.of() : List.copyOf(platformPriority);
        }
    }
}
