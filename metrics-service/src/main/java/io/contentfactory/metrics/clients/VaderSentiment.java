package io.contentfactory.metrics.clients;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import com.vader.sentiment.util.Utils;
import io.contentfactory.metrics.domain.Sentiment;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import net.fellbaum.jemoji.EmojiManager;
import net.fellbaum.jemoji.IndexedEmoji;
import org.jboss.logging.Logger;

/**
 * The local, offline sentiment of a comment: VADER (Hutto and Gilbert, 2014), a lexicon and rules made for social
 * media text (slang such as "lol" and "meh", emoticons, negation, "but", capitals and "!!!" as intensity), through its
 * Java port. The port predates VADER 3.3's emoji support, so each emoji is first spelled out by its Unicode CLDR name
 * ("😍" becomes "smiling face with heart-eyes"), which is how VADER 3.3 itself scores them.
 */
@ApplicationScoped
public class VaderSentiment {

    private static final Logger LOG = Logger.getLogger(VaderSentiment.class);

    public Sentiment of(String text) {
        if (text == null || text.isBlank()) {
            return Sentiment.of(0);
        }
        try {
            SentimentAnalyzer analyzer = new SentimentAnalyzer(emojiSpelledOut(text));
            analyzer.analyze();
            Float compound = analyzer.getPolarity().get("compound");
            return Sentiment.of(compound == null || compound.isNaN() ? 0 : compound);
        } catch (IOException e) {
            throw new UncheckedIOException("VADER could not tokenize a comment", e);
        } catch (RuntimeException unscorable) {
            // The port fails on some texts with no word it can weigh; such a text says nothing either way.
            LOG.debugf(unscorable, "VADER could not score a comment of %d characters", text.length());
            return Sentiment.of(0);
        }
    }

    /** The words VADER's lexicon rates: they say how a comment feels, not what it is about. */
    public Set<String> sentimentWords() {
        return Utils.getWordValenceDictionary().keySet();
    }

    /**
     * The text with each emoji replaced by its name. Built from the emoji's positions: jemoji's own
     * {@code replaceAllEmojis} scans its whole emoji list for each emoji it meets, which profiling showed as a tenth
     * of the service's time when reading many comments.
     */
    static String emojiSpelledOut(String text) {
        List<IndexedEmoji> found = EmojiManager.extractEmojisInOrderWithIndex(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder spelled = new StringBuilder(text.length() + 16 * found.size());
        int from = 0;
        for (IndexedEmoji emoji : found) {
            spelled.append(text, from, emoji.getCharIndex())
                    .append(' ')
                    .append(emoji.getEmoji().getDescription())
                    .append(' ');
            from = emoji.getEndCharIndex();
        }
        return spelled.append(text, from, text.length()).toString();
    }
}
