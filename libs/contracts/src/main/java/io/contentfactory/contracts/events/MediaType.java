package io.contentfactory.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum MediaType {
    @JsonProperty("video")
    VIDEO,
    @JsonProperty("image")
    IMAGE
}
