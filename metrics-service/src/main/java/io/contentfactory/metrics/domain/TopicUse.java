package io.contentfactory.metrics.domain;

/** A topic across comments, and how many posts and comments carry it. */
public record TopicUse(String tag, long posts, long comments) {}
