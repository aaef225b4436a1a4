package io.contentfactory.analysis.text;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The language of a transcript, with the Optimaize language detector (n-gram profiles of 70 languages): its ISO 639-1
 * code when the detector is confident, else empty. Texts under {@link #MIN_LETTERS} letters are too short to tell.
 */
public final class Language {

    static final int MIN_LETTERS = 20;
    private static volatile LanguageDetector detector;

    private Language() {}

    public static Optional<String> of(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        LdLocale found = detector()
                .detect(CommonTextObjectFactories.forDetectingShortCleanText().forText(text))
                .orNull();
        return Optional.ofNullable(found).map(LdLocale::getLanguage);
    }

    private static LanguageDetector detector() {
        if (detector == null) {
            synchronized (Language.class) {
                if (detector == null) {
                    try {
                        detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                                .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                                .minimalConfidence(0.8)
                                .build();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return detector;
    }
}
