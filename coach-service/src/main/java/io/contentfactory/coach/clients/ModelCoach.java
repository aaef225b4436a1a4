package io.contentfactory.coach.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.contentfactory.coach.domain.CoachAdvice;
import io.contentfactory.coach.domain.CoachSnapshot;
import io.contentfactory.coach.domain.Evidence;
import io.contentfactory.coach.domain.FormatSuggestion;
import io.contentfactory.coach.domain.FormatType;
import io.contentfactory.coach.domain.NextAction;
import io.contentfactory.coach.domain.Statement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A coach summary written by the chat model: the snapshot's entries go in with their ids, and the answer must come back
 * as the JSON schema given as the request's structured output, every statement citing entry ids. This class checks the
 * shape only; whether the cited ids are the snapshot's is the caller's check ({@link CoachAdvice#citesOnly}).
 */
@ApplicationScoped
public class ModelCoach {

    /** At most this many statements in a list, and this many characters in one. */
    static final int MAX_ITEMS = 5;

    static final int MAX_TEXT = 600;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_FORMAT = "none";

    private static final String INSTRUCTIONS = """
            You coach a creator on one short video or image they posted. You are given the facts known about it, each \
            with an id: the analysis's features, the pre-social score and its parts, every collected checkpoint's \
            numbers, the post-social score, the account's baseline, the imported top performers it resembles and how \
            its comments read and what they talk about, and what the account's learned model is sure of. Write plainly and specifically, without hype. \
            Every statement must cite, in "evidence", the ids of the facts it rests on, copied exactly from the list; \
            never cite an id that is not in the list and never state a number that is not in a cited fact. Say what \
            the numbers show (summary), what worked and what to improve (at most 5 each), the next actions (at most \
            5; action "derive" with a format to remake the item in, or a fix such as strengthen_hook, add_text_hook, \
            invite_comments, shorten, faster_cuts, answer_comments, follow_up_topic, follow_pattern, use_learned_effect, post_at_best_hour with format \
            "none") and the formats to make next (at most 3). \
            Answer with the JSON object the response format describes, nothing else.""";

    private static final JsonSchema ANSWER = answerSchema();

    private final CoachModel model;

    ModelCoach(CoachModel model) {
        this.model = model;
    }

    public boolean enabled() {
        return model.enabled();
    }

    /** What the insight is marked as written by when the model's answer is kept. */
    public String author() {
        return "model:" + model.name();
    }

    /** The model's advice on {@code snapshot}; fails with {@link ModelAnswerRejected} when it is not usable. */
    public Uni<CoachAdvice> advise(CoachSnapshot snapshot) {
        return model.answer(request(snapshot)).map(ModelCoach::advice);
    }

    static ChatRequest request(CoachSnapshot snapshot) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(facts(snapshot)))
                .responseFormat(ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(ANSWER)
                        .build())
                .build();
    }

    /** The snapshot's entries as a JSON array of {id, kind, label, value}, in the snapshot's order. */
    static String facts(CoachSnapshot snapshot) {
        ArrayNode facts = JSON.createArrayNode();
        for (Evidence entry : snapshot.entries().values()) {
            facts.addObject()
                    .put("id", entry.id())
                    .put("kind", entry.kind().name().toLowerCase(Locale.ROOT))
                    .put("label", entry.label())
                    .set("value", JSON.valueToTree(entry.value()));
        }
        return "The facts about media item " + snapshot.mediaId() + ":\n" + facts;
    }

    /** The answer read against the schema; anything outside it rejects the whole answer. */
    static CoachAdvice advice(String answer) {
        JsonNode json = parse(answer);
        return new CoachAdvice(
                statement(json.path("summary"), "summary"),
                list(json, "whatWorked", MAX_ITEMS, node -> statement(node, "whatWorked")),
                list(json, "whatToImprove", MAX_ITEMS, node -> statement(node, "whatToImprove")),
                list(json, "nextActions", MAX_ITEMS, ModelCoach::nextAction),
                list(json, "recommendedNextFormats", 3, ModelCoach::format));
    }

    private static JsonNode parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new ModelAnswerRejected("the model answered nothing");
        }
        String text = answer.strip();
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new ModelAnswerRejected("the model did not answer a JSON object");
        }
        try {
            return JSON.readTree(text.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new ModelAnswerRejected("the model's answer is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static <T> List<T> list(JsonNode json, String field, int max, Function<JsonNode, T> item) {
        JsonNode array = json.path(field);
        if (!array.isArray()) {
            throw new ModelAnswerRejected("the model's answer has no " + field + " list");
        }
        if (array.size() > max) {
            throw new ModelAnswerRejected("the model's " + field + " has " + array.size() + " items, at most " + max);
        }
        List<T> items = new ArrayList<>();
        array.forEach(node -> items.add(item.apply(node)));
        return items;
    }

    private static Statement statement(JsonNode node, String field) {
        String text = node.path("text").isTextual() ? node.path("text").asText().strip() : "";
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new ModelAnswerRejected(
                    "a statement of the model's " + field + " has no text or more than " + MAX_TEXT + " characters");
        }
        JsonNode evidence = node.path("evidence");
        if (!evidence.isArray() || evidence.isEmpty()) {
            throw new ModelAnswerRejected("a statement of the model's " + field + " cites no evidence");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : evidence) {
            if (!id.isTextual()) {
                throw new ModelAnswerRejected("the model's " + field + " cites evidence that is not an id");
            }
            ids.add(id.asText());
        }
        return new Statement(text, ids);
    }

    private static NextAction nextAction(JsonNode node) {
        String action = node.path("action").asText("").strip();
        if (!action.matches("[a-z_]{2,40}")) {
            throw new ModelAnswerRejected("a next action of the model has no action name");
        }
        String format = node.path("format").asText("");
        FormatType type = NO_FORMAT.equals(format) ? null : formatType(format);
        if (action.equals("derive") && type == null) {
            throw new ModelAnswerRejected("the model's derive action names no format");
        }
        return new NextAction(action, type, statement(node, "nextActions"));
    }

    private static FormatSuggestion format(JsonNode node) {
        return new FormatSuggestion(
                formatType(node.path("format").asText("")), statement(node, "recommendedNextFormats"));
    }

    private static FormatType formatType(String wire) {
        return Arrays.stream(FormatType.values())
                .filter(type -> type.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> new ModelAnswerRejected("the model named a format that is not one: " + wire));
    }

    private static JsonSchema answerSchema() {
        List<String> formats =
                Arrays.stream(FormatType.values()).map(FormatType::wire).toList();
        List<String> formatsOrNone = new ArrayList<>(formats);
        formatsOrNone.add(NO_FORMAT);
        JsonObjectSchema statement = statementSchema(false, null);
        JsonObjectSchema action = statementSchema(
                true, JsonEnumSchema.builder().enumValues(formatsOrNone).build());
        JsonObjectSchema format = statementSchema(
                false, JsonEnumSchema.builder().enumValues(formats).build());
        return JsonSchema.builder()
                .name("coach_summary")
                .rootElement(JsonObjectSchema.builder()
                        .addProperty("summary", statement)
                        .addProperty("whatWorked", array(statement))
                        .addProperty("whatToImprove", array(statement))
                        .addProperty("nextActions", array(action))
                        .addProperty("recommendedNextFormats", array(format))
                        .required("summary", "whatWorked", "whatToImprove", "nextActions", "recommendedNextFormats")
                        .additionalProperties(false)
                        .build())
                .build();
    }

    /** {text, evidence[]}, with an {@code action} name and a {@code format} when asked for. */
    private static JsonObjectSchema statementSchema(boolean withAction, JsonSchemaElement format) {
        JsonObjectSchema.Builder object = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        if (withAction) {
            object.addProperty("action", new JsonStringSchema());
            required.add("action");
        }
        if (format != null) {
            object.addProperty("format", format);
            required.add("format");
        }
        object.addProperty("text", new JsonStringSchema()).addProperty("evidence", array(new JsonStringSchema()));
        required.add("text");
        required.add("evidence");
        return object.required(required).additionalProperties(false).build();
    }

    private static JsonArraySchema array(JsonSchemaElement items) {
        return JsonArraySchema.builder().items(items).build();
    }
}
