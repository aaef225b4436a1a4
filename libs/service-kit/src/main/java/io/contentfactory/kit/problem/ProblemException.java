package io.contentfactory.kit.problem;

/**
 * Thrown by the API edge to answer with a problem that belongs to HTTP itself: a missing or bad token, a payload over
 * the limit, an expired signed URL. What the domain refuses is a {@link io.contentfactory.kit.domain.DomainError}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String code, String title, String detail) {
        super(code + ": " + detail);
        this.problem = Problem.of(status, code, title, detail);
    }

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
