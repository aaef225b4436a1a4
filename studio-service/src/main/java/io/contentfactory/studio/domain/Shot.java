package io.contentfactory.studio.domain;

/**
 * One shot of a generation's shot list, as planned.
 *
 * @param index           its place in the post, from 0
 * @param seconds         how long it lasts in the assembled video; for a still of a carousel or image post, 0
 * @param visualDirection what the picture shows, in words
 * @param onScreenText    the words burnt into it; null for none
 * @param prompt          what is sent to the model
 */
public record Shot(
        int index, double seconds, ShotMedium medium, String visualDirection, String onScreenText, String prompt) {

    public Shot {
        if (index < 0 || seconds < 0) {
            throw new IllegalArgumentException("a shot has a place and a length that are not negative");
        }
        if (medium == ShotMedium.VIDEO && seconds <= 0) {
            throw new IllegalArgumentException("a video shot lasts some time");
        }
    }
}
