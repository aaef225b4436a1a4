package io.contentfactory.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Platform {
    @JsonProperty("instagram") INSTAGRAM,
    @JsonProperty("tiktok") TIKTOK,
    @JsonProperty("youtube") YOUTUBE,
    @JsonProperty("blotato") BLOTATO
}
