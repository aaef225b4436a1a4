package io.contentfactory.kit.problem;

/** Thrown anywhere in request handling to answer with a specific problem. */
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

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not_found", "Not found", what + " " + id + " does not exist in this project");
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad request", detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail);
    }

    public Problem problem() {
        return problem;
    }
}
