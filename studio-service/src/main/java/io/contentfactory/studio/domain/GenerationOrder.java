package io.contentfactory.studio.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a caller asks to have generated, checked.
 *
 * @param seconds the reel's length; 0 for stills
 * @param cap     the most this generation may cost, in US dollars; null for no cap of its own
 */
public record GenerationOrder(
        String sourceType,
        java.util.UUID sourceId,
        String prompt,
        Direction direction,
        GenerationFormat format,
        List<String> platforms,
        String aspectRatio,
        double seconds,
        String style,
        BigDecimal cap,
        boolean autoPost) {

    public GenerationOrder {
        platforms = List.copyOf(platforms);
    }
}
