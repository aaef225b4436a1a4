package io.contentfactory.studio.clients;

import io.contentfactory.contracts.events.GenerationError;

/**
 * A provider call that did not get its answer.
 *
 * @param jobMayExist for a submission: true when the provider may have taken the job though no id came back (no
 *                    answer, a timeout), so the shot must not be sent again; false when the provider answered that
 *                    it took nothing (a 4xx or 5xx)
 */
public final class ProviderFailure extends RuntimeException {

    private final transient GenerationError error;
    private final boolean jobMayExist;

    public ProviderFailure(GenerationError error, boolean jobMayExist) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
        this.jobMayExist = jobMayExist;
    }

    public GenerationError error() {
        return error;
    }

    public boolean jobMayExist() {
        return jobMayExist;
    }
}
