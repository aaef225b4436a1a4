package io.contentfactory.metrics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.metrics.domain.PlatformComment;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstagramCommentsTest {

    @Test
    void aCommentKeepsItsStringIdAndMetasTimestampAndMayLackOptionalFields() {
        PlatformComment comment = InstagramComments.comment(
                new JsonObject("{\"id\": \"17900000000000123\", \"text\": \"nice\","
                        + " \"timestamp\": \"2026-12-02T17:27:23+0000\"}"),
                null);
        assertThat(comment.id()).isEqualTo("17900000000000123");
        assertThat(comment.createdAt()).isEqualTo(Instant.parse("2026-12-02T17:27:23Z"));
        assertThat(comment.authorHandle()).isNull();
        assertThat(comment.likeCount()).as("not reported is null, not 0").isNull();
        assertThat(comment.parentId()).isNull();

        PlatformComment reply = InstagramComments.comment(
                new JsonObject("{\"id\": \"2\", \"text\": \"yes\", \"like_count\": 0, \"username\": \"ana\","
                        + " \"timestamp\": \"2026-12-02T17:28:00+0000\"}"),
                "17900000000000123");
        assertThat(reply.parentId()).isEqualTo("17900000000000123");
        assertThat(reply.likeCount()).isZero();
    }

    @Test
    void aCommentWithoutAnIdOrATimeIsSkipped() {
        assertThat(InstagramComments.comment(new JsonObject("{\"text\": \"x\"}"), null))
                .isNull();
        assertThat(InstagramComments.comment(new JsonObject("{\"id\": \"1\", \"timestamp\": \"yesterday\"}"), null))
                .isNull();
    }

    @Test
    void theLastPageIsTheOneWithoutNext() {
        assertThat(InstagramComments.after(new JsonObject(
                        "{\"paging\": {\"cursors\": {\"after\": \"QVFI\"}, \"next\": \"https://graph/x\"}}")))
                .isEqualTo("QVFI");
        assertThat(InstagramComments.after(new JsonObject("{\"paging\": {\"cursors\": {\"after\": \"QVFI\"}}}")))
                .isNull();
        assertThat(InstagramComments.after(new JsonObject("{\"data\": []}"))).isNull();
    }

    @Test
    void anErrorIsReportedWithMetasCodeAndMessage() {
        assertThat(InstagramComments.page(400, "{\"error\": {\"code\": 100, \"message\": \"Unsupported get\"}}")
                        .failure())
                .isEqualTo("instagram error 100: Unsupported get");
        assertThat(InstagramComments.page(502, "<html>").failure()).isEqualTo("instagram answered HTTP 502");
    }
}
