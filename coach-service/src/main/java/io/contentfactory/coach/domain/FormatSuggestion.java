package io.contentfactory.coach.domain;

/** A format to remake the media in next, what to do in it, and why. */
public record FormatSuggestion(FormatType format, Statement description) {}
