package io.contentfactory.coach.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.FormatType;
import org.junit.jupiter.api.Test;

class ModelCoachTest {

    private static final String STATEMENT =
            "{\"text\": \"Views doubled.\", \"evidence\": [\"metric.instagram.24h.views\"]}";

    @Test
    void anAnswerInTheSchemaBecomesAdvice() {
        CoachAdvice advice = ModelCoach.advice("```json\n"
                + answer(
                        STATEMENT,
                        "[{\"action\": \"derive\", \"format\": \"carousel\", \"text\": \"Remake it.\", \"evidence\": [\"feature.topics\"]},"
                                + " {\"action\": \"shorten\", \"format\": \"none\", \"text\": \"Cut it.\", \"evidence\": [\"feature.duration_sec\"]}]",
                        "[{\"format\": \"face_cam\", \"text\": \"Talk.\", \"evidence\": [\"feature.faces_share\"]}]")
                + "\n```");

        assertThat(advice.summary().evidence()).containsExactly("metric.instagram.24h.views");
        assertThat(advice.nextActions()).extracting(a -> a.format()).containsExactly(FormatType.CAROUSEL, null);
        assertThat(advice.formats())
                .singleElement()
                .satisfies(f -> assertThat(f.format()).isEqualTo(FormatType.FACE_CAM));
    }

    @Test
    void aStatementWithoutEvidenceRejectsTheAnswer() {
        assertThatThrownBy(() -> ModelCoach.advice(answer("{\"text\": \"Good.\", \"evidence\": []}", "[]", "[]")))
                .isInstanceOf(ModelAnswerRejected.class)
                .hasMessageContaining("cites no evidence");
    }

    @Test
    void aFormatOutsideTheSeedsRejectsTheAnswer() {
        assertThatThrownBy(() -> ModelCoach.advice(answer(
                        STATEMENT, "[]", "[{\"format\": \"podcast\", \"text\": \"Talk.\", \"evidence\": [\"x\"]}]")))
                .isInstanceOf(ModelAnswerRejected.class)
                .hasMessageContaining("podcast");
    }

    @Test
    void aDeriveWithoutAFormatRejectsTheAnswer() {
        assertThatThrownBy(() -> ModelCoach.advice(answer(
                        STATEMENT,
                        "[{\"action\": \"derive\", \"format\": \"none\", \"text\": \"Remake.\", \"evidence\": [\"x\"]}]",
                        "[]")))
                .isInstanceOf(ModelAnswerRejected.class)
                .hasMessageContaining("derive");
    }

    @Test
    void tooManyStatementsOrNoJsonRejectTheAnswer() {
        String six = "[" + String.join(", ", java.util.Collections.nCopies(6, STATEMENT)) + "]";
        assertThatThrownBy(() -> ModelCoach.advice("{\"summary\": " + STATEMENT + ", \"whatWorked\": " + six
                        + ", \"whatToImprove\": [], \"nextActions\": [], \"recommendedNextFormats\": []}"))
                .isInstanceOf(ModelAnswerRejected.class)
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> ModelCoach.advice("I think the reel did well."))
                .isInstanceOf(ModelAnswerRejected.class);
        assertThatThrownBy(() -> ModelCoach.advice("{\"summary\": " + STATEMENT + "}"))
                .isInstanceOf(ModelAnswerRejected.class)
                .hasMessageContaining("whatWorked");
    }

    private static String answer(String summary, String nextActions, String formats) {
        return "{\"summary\": " + summary + ", \"whatWorked\": [" + STATEMENT + "], \"whatToImprove\": [],"
                + " \"nextActions\": " + nextActions + ", \"recommendedNextFormats\": " + formats + "}";
    }
}
