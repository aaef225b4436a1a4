package io.contentfactory.coach.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A top-performer pattern (the seed's Kalodata input): an archetype of a post that sold well elsewhere, with its hook,
 * intro style, length, format, product category, price range, angle, the source's own figures and where it came from.
 * One per source reference in a project: importing the same reference again updates it.
 */
@Entity
@Table(name = "top_patterns")
public class TopPattern {
    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Id
    public UUID id;

    @Column(name = "hook_text")
    public String hookText;

    @Column(name = "intro_style")
    public String introStyle;

    @Column(name = "length_sec")
    public Integer lengthSec;

    @Column(name = "format_type")
    @Convert(converter = FormatType.Column.class)
    public FormatType format;

    @Column(name = "product_category")
    public String productCategory;

    @Column(name = "price_min")
    public BigDecimal priceMin;

    @Column(name = "price_max")
    public BigDecimal priceMax;

    public String currency;

    @Convert(converter = PatternAngle.Column.class)
    public PatternAngle angle;

    @Column(name = "source_metrics")
    public String sourceMetricsJson;

    @Column(name = "source_reference")
    public String sourceReference;

    /** The import that last wrote the pattern. */
    @Column(name = "import_id")
    public UUID importId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The source's figures by name ({@code views}, {@code gmv}...), decoded by the store. */
    @Transient
    public Map<String, BigDecimal> sourceMetrics;

    /** A new pattern from a validated import row. */
    public static TopPattern imported(UUID projectId, UUID importId, PatternFields fields, Instant at) {
        TopPattern pattern = new TopPattern();
        pattern.projectId = projectId;
        pattern.id = UUID.randomUUID();
        pattern.createdAt = at;
        pattern.reimported(importId, fields, at);
        return pattern;
    }

    /** The same source reference imported again: its fields are replaced by the new row's. */
    public void reimported(UUID importId, PatternFields fields, Instant at) {
        hookText = fields.hookText();
        introStyle = fields.introStyle();
        lengthSec = fields.lengthSec();
        format = fields.format();
        productCategory = fields.productCategory();
        priceMin = fields.priceMin();
        priceMax = fields.priceMax();
        currency = fields.currency();
        angle = fields.angle();
        sourceMetrics = fields.sourceMetrics();
        sourceReference = fields.sourceReference();
        this.importId = importId;
        updatedAt = at;
    }

    /** A pattern's fields as one import row gives them, validated. */
    public record PatternFields(
            String hookText,
            String introStyle,
            Integer lengthSec,
            FormatType format,
            String productCategory,
            BigDecimal priceMin,
            BigDecimal priceMax,
            String currency,
            PatternAngle angle,
            Map<String, BigDecimal> sourceMetrics,
            String sourceReference) {

        public PatternFields {
            sourceMetrics = Map.copyOf(sourceMetrics);
        }
    }
}
