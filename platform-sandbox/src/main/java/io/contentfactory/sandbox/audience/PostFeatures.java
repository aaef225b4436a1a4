package io.contentfactory.sandbox.audience;

import java.util.Set;

/**
 * What a post shows its audience: the features an account's hidden taste responds to.
 *
 * @param hookStrength  how strongly the first seconds hold attention, 0–1
 * @param lengthSeconds a video's length; null for an image
 * @param faces         whether a face is on screen
 * @param onScreenText  whether text is on screen
 * @param topics        the post's topics, from the audience's vocabulary
 * @param hourOfWeek    when it went live: 0 is Monday 00:00 UTC, 167 Sunday 23:00
 */
public record PostFeatures(
        double hookStrength,
        Double lengthSeconds,
        boolean faces,
        boolean onScreenText,
        Set<String> topics,
        int hourOfWeek) {

    public boolean video() {
        return lengthSeconds != null;
    }
}
