package io.contentfactory.analysis.clients;

/** A provider answered, but not with a usable result; the local analyzer's stands instead. */
public class ProviderFailure extends RuntimeException {
    public ProviderFailure(String message) {
        super(message);
    }
}
