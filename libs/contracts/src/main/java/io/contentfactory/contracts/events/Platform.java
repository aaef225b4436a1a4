package io.contentfactory.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

public enum Platform {
    @JsonProperty("instagram")
    INSTAGRAM,
    @JsonProperty("tiktok")
    TIKTOK,
    @JsonProperty("youtube")
    YOUTUBE,
    @JsonProperty("blotato")
    BLOTATO;

    /** The post formats this platform publishes; Blotato relays every one of them to its networks. */
    public Set<PostFormat> formats() {
        return switch (this) {
            case INSTAGRAM -> EnumSet.of(PostFormat.FEED_IMAGE, PostFormat.CAROUSEL, PostFormat.REEL);
            case TIKTOK -> EnumSet.of(PostFormat.TIKTOK_VIDEO);
            case YOUTUBE -> EnumSet.of(PostFormat.SHORT);
            case BLOTATO -> EnumSet.allOf(PostFormat.class);
        };
    }
}
