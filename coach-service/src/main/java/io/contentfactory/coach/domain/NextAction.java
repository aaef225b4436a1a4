package io.contentfactory.coach.domain;

/**
 * One structured thing to do next (the seed's {@code next_actions}).
 *
 * @param action what kind of step: {@code derive} (make the format), or one of the rules' fixes such as
 *               {@code strengthen_hook}, {@code add_text_hook}, {@code invite_comments}, {@code shorten},
 *               {@code faster_cuts}, {@code answer_comments} (comments push back), {@code follow_up_topic} (many
 *               comments share a topic) or {@code follow_pattern} (the media resembles an imported top performer), {@code use_learned_effect}
 *               (the account's learned model is sure of a feature's effect) or {@code post_at_best_hour} (its best
 *               learned hour)
 * @param format the format to derive, for {@code derive}; else null
 */
public record NextAction(String action, FormatType format, Statement why) {}
