package io.contentfactory.analysis.domain;

import io.contentfactory.kit.domain.WireEnum;
import jakarta.persistence.Converter;

/**
 * Whether a provider answered usefully; {@code provider_results}'s CHECK on {@code status} lists the same values. A
 * result is written once, in its final outcome.
 */
public enum ProviderOutcome implements WireEnum {
    OK,
    FAILED;

    @Converter
    public static class Column extends WireEnum.Column<ProviderOutcome> {
        public Column() {
            super(ProviderOutcome.class);
        }
    }
}
