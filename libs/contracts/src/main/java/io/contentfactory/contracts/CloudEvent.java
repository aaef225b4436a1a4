package io.contentfactory.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode.
 *
 * @param id        the event id; consumers record it to process each event once
 * @param source    the service that emitted it, as a URI reference ({@code /content-factory/scheduler-service})
 * @param type      the versioned type, for example {@code io.contentfactory.post.published.v1}
 * @param subject   the id of the entity the event is about (the partition key)
 * @param time      when the state change happened
 * @param projectid extension attribute: the tenant the event belongs to
 * @param data      the event record as JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        UUID projectid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    /** The Kafka {@code content-type} header of every record: structured-mode CloudEvents. */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public EventType eventType() {
        return EventType.ofCloudEventType(type);
    }
}
