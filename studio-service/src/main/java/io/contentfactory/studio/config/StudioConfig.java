package io.contentfactory.studio.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Optional;

@ConfigMapping(prefix = "factory.studio")
public interface StudioConfig {

    /** A catalog file replacing the defaults (generation-models.json's format); empty: the defaults. */
    Optional<String> catalogFile();

    /** A project's monthly budget in US dollars until it sets its own. */
    @WithDefault("50")
    BigDecimal defaultMonthlyBudget();
}
