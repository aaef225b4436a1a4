package io.contentfactory.analysis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The analysis of one media item by one analyzer version (the seed's {@code media_analysis}). */
@Entity
@Table(name = "media_analysis")
public class MediaAnalysis {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "media_id")
    public UUID mediaId;

    @Column(name = "analyzer_version")
    public String analyzerVersion;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "duration_sec")
    public BigDecimal durationSec;

    public int width;
    public int height;
    public String resolution;

    @Column(name = "frame_rate")
    public BigDecimal frameRate;

    @Column(name = "has_audio")
    public Boolean hasAudio;

    @Column(name = "pre_social_score")
    public BigDecimal preSocialScore;

    @Column(name = "pre_social_explanation")
    public String preSocialExplanation;

    @Column(name = "frames_sampled")
    public Integer framesSampled;

    @Column(name = "best_frame_index")
    public Integer bestFrameIndex;

    @Column(name = "best_frame_time_sec")
    public BigDecimal bestFrameTimeSec;

    @Column(name = "best_frame_url")
    public String bestFrameUrl;

    @Column(name = "cuts_per_minute")
    public BigDecimal cutsPerMinute;

    @Column(name = "hook_motion")
    public BigDecimal hookMotion;

    @Column(name = "hook_face")
    public BigDecimal hookFace;

    @Column(name = "frames_with_faces")
    public Integer framesWithFaces;
    /** {@code local} or {@code vision}: who chose the best frame. */
    @Column(name = "best_frame_chosen_by")
    public String bestFrameChosenBy;

    @Column(name = "frames_with_text")
    public Integer framesWithText;

    @Column(name = "first_text_sec")
    public BigDecimal firstTextSec;

    @Column(name = "loudness_dbfs")
    public BigDecimal loudnessDbfs;

    @Column(name = "speech_ratio")
    public BigDecimal speechRatio;

    @Column(name = "speech_onset_sec")
    public BigDecimal speechOnsetSec;

    @Column(name = "leading_silence_sec")
    public BigDecimal leadingSilenceSec;

    @Column(name = "music_likely")
    public Boolean musicLikely;
    /** Each feature's share of the score, as JSON: [{feature, points, maxPoints, reason}]. */
    @Column(name = "score_contributions")
    public String scoreContributions;
    /**
     * The virality features together, as JSON: the hook (motion, face and when, speech onset), pacing, length and
     * aspect, face and text presence, sound.
     */
    @Column(name = "virality_features")
    public String viralityFeatures;

    /** The imported patterns the item resembles (JSON), most alike first. */
    @Column(name = "pattern_overlap")
    public String patternOverlap;

    /** The item's score under the project's learned account model (JSON); null while none is in force. */
    @Column(name = "learned_score")
    public String learnedScore;

    public String transcript;
    public String language;
    /** The transcript's overall sentiment, -1 to 1; null without an English transcript. */
    @Column(name = "sentiment_overall")
    public BigDecimal sentimentOverall;
    /** {@code transcript} or {@code file_name}: where topics, hashtags and captions came from. */
    @Column(name = "text_source")
    public String textSource;
    /** JSON lists and, for captions, a JSON object by platform. */
    public String topics;

    public String hashtags;

    @Column(name = "caption_suggestions")
    public String captionSuggestions;

    @Column(name = "created_at")
    public Instant createdAt;
}
