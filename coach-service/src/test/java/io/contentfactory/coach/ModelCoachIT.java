package io.contentfactory.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.contentfactory.testkit.InternalTokens;
import io.contentfactory.testkit.KafkaResource;
import io.contentfactory.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Coach summaries by a chat model (a local OpenAI-compatible fake): a good answer is kept and marked with the model;
 * an answer citing evidence its snapshot does not hold, one outside the schema and one too late are each set aside,
 * and the rules' summary is stored instead with the reason.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = FakeCoachModel.class, restrictToAnnotatedClass = true)
class ModelCoachIT {

    private final CoachFixture coach = new CoachFixture();
    private final InternalTokens tokens = InternalTokens.forService("coach-service");

    @AfterEach
    void answerWellAgain() throws Exception {
        FakeCoachModel.mode("good");
    }

    @Test
    void aGoodAnswerIsKeptAndEveryStatementCitesTheSnapshot() throws Exception {
        JsonPath summary = summaryWhenTheModelAnswers("good");

        assertThat(summary.getString("generatedBy")).isEqualTo("model:openai:fake");
        assertThat(summary.getString("modelRejection")).isNull();
        assertThat(summary.getString("performanceSummary")).isEqualTo(FakeCoachModel.SUMMARY);
        assertThat(summary.getList("recommendedNextFormats.format")).containsExactly("face_cam");
        Map<String, Object> entries = summary.getMap("evidence.entries");
        assertThat(summary.getList("evidence.performanceSummary", String.class))
                .isNotEmpty()
                .allMatch(entries::containsKey);
        assertThat(FakeCoachModel.responseFormat())
                .as("the answer's JSON schema goes as the request's structured output")
                .isEqualTo("json_schema");
    }

    @Test
    void anAnswerCitingEvidenceTheSnapshotLacksIsReplacedByTheRules() throws Exception {
        JsonPath summary = summaryWhenTheModelAnswers("invented");

        assertThat(summary.getString("generatedBy")).isEqualTo("rules");
        assertThat(summary.getString("modelRejection"))
                .contains("does not hold")
                .contains(FakeCoachModel.INVENTED_ID);
        assertThat(summary.getString("performanceSummary")).isNotEqualTo(FakeCoachModel.SUMMARY);
    }

    @Test
    void anAnswerOutsideTheSchemaIsReplacedByTheRules() throws Exception {
        JsonPath summary = summaryWhenTheModelAnswers("broken");

        assertThat(summary.getString("generatedBy")).isEqualTo("rules");
        assertThat(summary.getString("modelRejection")).contains("podcast");
    }

    @Test
    void aModelThatDoesNotAnswerInTimeIsReplacedByTheRules() throws Exception {
        JsonPath summary = summaryWhenTheModelAnswers("slow");

        assertThat(summary.getString("generatedBy")).isEqualTo("rules");
        assertThat(summary.getString("modelRejection")).isNotBlank();
    }

    private JsonPath summaryWhenTheModelAnswers(String mode) throws Exception {
        FakeCoachModel.mode(mode);
        UUID projectId = UUID.randomUUID();
        UUID mediaId = UUID.randomUUID();
        coach.analyzed(projectId, CollectedMetrics.video(mediaId, 48));
        return CoachFixture.refresh(tokens.valid(projectId, "write"), mediaId)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }
}
