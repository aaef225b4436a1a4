package io.contentfactory.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PostFormat {
    @JsonProperty("feed_image")
    FEED_IMAGE,
    @JsonProperty("carousel")
    CAROUSEL,
    @JsonProperty("reel")
    REEL,
    @JsonProperty("tiktok_video")
    TIKTOK_VIDEO,
    @JsonProperty("short")
    SHORT
}
