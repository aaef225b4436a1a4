package io.contentfactory.coach.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;

/**
 * Where a creative brief comes from (the seed's {@code creative_briefs.source_type}). The database's {@code
 * creative_briefs_source_type_check} lists the same values.
 */
public enum BriefSource implements WireEnum {
    /** A top-performer pattern imported from Kalodata or a similar source. */
    KALODATA_PRODUCT,
    /** One of the project's own media items that beat its account's baseline. */
    OWN_TOP_POST,
    /** A person's prompt. */
    PROMPT_ONLY;

    public static BriefSource ofWire(String value) {
        return WireEnum.ofWire(BriefSource.class, value);
    }

    /** Stores the source as its wire value. */
    @Converter
    public static class Column extends WireEnum.Column<BriefSource> {
        public Column() {
            super(BriefSource.class);
        }
    }
}
