package io.contentfactory.contracts.events;

import java.util.List;

/** What a caption is composed from at publish time: the body, an optional disclosure and hashtags. */
public record CaptionParts(String body, String disclosure, List<String> hashtags) {
    public CaptionParts {
        body = body == null ? "" : body;
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }
}
