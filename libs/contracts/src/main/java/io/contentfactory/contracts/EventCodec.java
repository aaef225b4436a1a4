package io.contentfactory.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contentfactory.contracts.events.PipelineEvent;
import java.time.Instant;
import java.util.UUID;

/** Turns event records into CloudEvents JSON and back, rejecting envelopes that lack a required attribute. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {}

    public static CloudEvent envelope(UUID eventId, String source, UUID projectId, Instant time, PipelineEvent event) {
        EventType type = EventType.of(event);
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                eventId,
                source,
                type.cloudEventType(),
                event.partitionKey(projectId),
                time,
                CloudEvent.DATA_CONTENT_TYPE,
                projectId,
                MAPPER.valueToTree(event));
    }

    public static String toJson(CloudEvent envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + envelope.id(), e);
        }
    }

    /** Parses and validates an envelope; any defect is a {@link MalformedEventException}. */
    public static CloudEvent parse(String json) {
        CloudEvent envelope;
        try {
            envelope = MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getMessage(), e);
        }
        if (envelope == null) {
            throw new MalformedEventException("empty event");
        }
        require(
                envelope.specversion() != null && envelope.specversion().equals(CloudEvent.SPEC_VERSION),
                "specversion must be 1.0");
        require(envelope.id() != null, "id is missing");
        require(envelope.type() != null, "type is missing");
        require(envelope.source() != null, "source is missing");
        require(envelope.time() != null, "time is missing");
        require(envelope.projectid() != null, "projectid is missing");
        require(envelope.data() != null && envelope.data().isObject(), "data must be a JSON object");
        envelope.eventType();
        return envelope;
    }

    /** The typed data of an envelope; a mismatch with the expected type is malformed, not transient. */
    public static <T extends PipelineEvent> T data(CloudEvent envelope, Class<T> expected) {
        EventType type = envelope.eventType();
        if (type.dataType() != expected) {
            throw new MalformedEventException(
                    "expected " + EventType.ofDataType(expected).cloudEventType() + " but got " + envelope.type());
        }
        try {
            return MAPPER.treeToValue(envelope.data(), expected);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + envelope.type() + " is invalid: " + e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new MalformedEventException(problem);
        }
    }
}
