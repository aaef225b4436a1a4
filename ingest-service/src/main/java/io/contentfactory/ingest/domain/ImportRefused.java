package io.contentfactory.ingest.domain;

/** An import that is not fetched, or stopped, for a reason with a stable code. */
public class ImportRefused extends RuntimeException {

    private final String code;

    public ImportRefused(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
