package io.contentfactory.studio.domain;

import io.contentfactory.kit.domain.DomainError;

/** What studio-service refuses, in its own words; each is one of the kit's kinds, mapped to a problem in one place. */
public final class StudioErrors {

    private StudioErrors() {}

    /** The generation would cost more than the project's month, or its own cap, has left. 409. */
    public static final class BudgetExceeded extends DomainError.Conflict {
        public BudgetExceeded(String detail) {
            super("budget_exceeded", detail);
        }
    }

    /** No model of the catalog makes one of the shots. 422. */
    public static final class NoModelFits extends DomainError.Unprocessable {
        public NoModelFits(String detail) {
            super("no_model_fits", detail);
        }
    }

    public static DomainError.NotFound generationNotFound(java.util.UUID id) {
        return DomainError.NotFound.coded(
                "generation_not_found", "generation " + id + " does not exist in this project");
    }
}
