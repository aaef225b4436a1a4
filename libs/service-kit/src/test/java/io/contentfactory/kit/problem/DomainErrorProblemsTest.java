package io.contentfactory.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.kit.domain.DomainError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainErrorProblemsTest {

    /** A refusal a service names itself, within one of the closed kinds. */
    static final class PostLocked extends DomainError.Conflict {
        PostLocked(String detail) {
            super("post_locked", detail);
        }
    }

    @Test
    void eachKindOfRefusalIsOneStatusWithItsCodeAndDetail() {
        assertProblem(
                new DomainError.NotFound("post", "p-1"), 404, "not_found", "post p-1 does not exist in this project");
        assertProblem(new DomainError.Invalid("media_count", "one media"), 400, "media_count", "one media");
        assertProblem(new PostLocked("target t is publishing"), 409, "post_locked", "target t is publishing");
        assertProblem(
                new DomainError.Unprocessable("scheduled_in_past", "too late"), 422, "scheduled_in_past", "too late");
        assertProblem(new DomainError.TooLarge("too_large", "over 1 MB"), 413, "too_large", "over 1 MB");
        assertProblem(
                new DomainError.Unavailable("media_state_unavailable", "try again"),
                503,
                "media_state_unavailable",
                "try again");
    }

    @Test
    void itemDetailsTravelAsTheProblemsErrors() {
        Problem problem = ProblemMappers.problemOf(
                new DomainError.Unprocessable("corrupt_media", "no stream", Map.of("mediaId", "m-1")));
        assertThat(problem.errors()).containsExactly(Map.entry("mediaId", "m-1"));
        assertThat(ProblemMappers.problemOf(new DomainError.Conflict("c", "d")).errors())
                .isNull();
    }

    private static void assertProblem(DomainError error, int status, String code, String detail) {
        Problem problem = ProblemMappers.problemOf(error);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.detail()).isEqualTo(detail);
        assertThat(problem.type().toString()).endsWith("/" + code.replace('_', '-'));
    }
}
