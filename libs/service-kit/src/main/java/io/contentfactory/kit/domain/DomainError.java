package io.contentfactory.kit.domain;

import java.util.Map;

/**
 * What a service's domain refuses, in words of the domain: no HTTP here. The kinds are closed (each maps to one
 * problem status, in {@link io.contentfactory.kit.problem.ProblemMappers}); within a kind a service may name its own
 * refusal ({@code PostLocked extends Conflict}). {@code code} is the stable reason clients branch on.
 */
public abstract sealed class DomainError extends RuntimeException {

    private final String code;
    private final String detail;
    private final transient Map<String, Object> errors;

    private DomainError(String code, String detail, Map<String, Object> errors) {
        super(code + ": " + detail);
        this.code = code;
        this.detail = detail;
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** Per-field or per-item details, for example the id of the item that was refused; often empty. */
    public Map<String, Object> errors() {
        return errors;
    }

    /**
     * The project has no such thing, or it belongs to another project: the two look the same. The usual code is
     * {@code not_found}; {@link #coded} names another ({@code connection_not_found}).
     */
    public static non-sealed class NotFound extends DomainError {
        public NotFound(String what, Object id) {
            super("not_found", what + " " + id + " does not exist in this project", null);
        }

        protected NotFound(String code, String detail, Map<String, Object> errors) {
            super(code, detail, errors);
        }

        public static NotFound coded(String code, String detail) {
            return new NotFound(code, detail, null);
        }
    }

    /** The request is malformed or out of range, whatever the state of things. */
    public static non-sealed class Invalid extends DomainError {
        public Invalid(String code, String detail) {
            super(code, detail, null);
        }
    }

    /** The request is well formed but clashes with the current state (a post already publishing, a taken slug). */
    public static non-sealed class Conflict extends DomainError {
        public Conflict(String code, String detail) {
            super(code, detail, null);
        }
    }

    /** The request names things that exist but cannot be used for it (rejected media, a time in the past). */
    public static non-sealed class Unprocessable extends DomainError {
        public Unprocessable(String code, String detail) {
            super(code, detail, null);
        }

        public Unprocessable(String code, String detail, Map<String, Object> errors) {
            super(code, detail, errors);
        }
    }

    /** What was sent is over a size limit this service keeps. */
    public static non-sealed class TooLarge extends DomainError {
        public TooLarge(String code, String detail) {
            super(code, detail, null);
        }
    }

    /** Something this service depends on could not answer: the same request may succeed later. */
    public static non-sealed class Unavailable extends DomainError {
        public Unavailable(String code, String detail) {
            super(code, detail, null);
        }
    }
}
