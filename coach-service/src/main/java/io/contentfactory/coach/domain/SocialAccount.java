package io.contentfactory.coach.domain;

/** A platform account, as publications and connections name it: what each model is learned for. */
public record SocialAccount(String platform, String accountId) {}
