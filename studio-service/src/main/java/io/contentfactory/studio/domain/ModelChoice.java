package io.contentfactory.studio.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The model each shot is made with, chosen per shot by one documented policy (studio-service/README.md):
 * <ol>
 *   <li><b>Fit.</b> The model makes the shot's medium from a prompt, a clip at least as long as the shot, in the
 *       target aspect ratio. Only when no model makes that aspect natively may one of another aspect be used (the
 *       assembly crops it), and the reason says so.
 *   <li><b>Budget.</b> Its cost leaves, from what remains of the budget, enough for the cheapest fitting model of
 *       every later shot.
 *   <li><b>Quality.</b> Of those, the highest tier; then the cheapest; then the catalog's order.
 * </ol>
 * Models that already failed the shot are left out, so a retry moves on to the next one that fits.
 */
public final class ModelChoice {

    /** The outcome for one shot: a model, or why there is none. */
    public sealed interface Pick permits Chosen, Unavailable {}

    public record Chosen(GenerationModel model, BigDecimal cost, String reason) implements Pick {}

    /** @param code {@code no_model_fits} or {@code budget_exceeded} */
    public record Unavailable(String code, String reason) implements Pick {}

    private static final Comparator<GenerationModel> BEST_FIRST =
            Comparator.comparing(GenerationModel::tier).reversed();

    private final List<GenerationModel> catalog;

    public ModelChoice(List<GenerationModel> catalog) {
        this.catalog = List.copyOf(catalog);
    }

    /**
     * Every shot's model, in order, within {@code budget} (null: no cap). A shot without a model is {@link Unavailable}
     * and spends nothing.
     */
    public List<Pick> plan(List<Shot> shots, String aspectRatio, BigDecimal budget) {
        List<Pick> picks = new ArrayList<>();
        BigDecimal remaining = budget;
        for (int i = 0; i < shots.size(); i++) {
            BigDecimal reserve = cheapestTotal(shots.subList(i + 1, shots.size()), aspectRatio);
            Pick pick = choose(shots.get(i), aspectRatio, remaining, reserve, Set.of());
            if (pick instanceof Chosen chosen && remaining != null) {
                remaining = remaining.subtract(chosen.cost());
            }
            picks.add(pick);
        }
        return picks;
    }

    /**
     * The model for one shot, from {@code remaining} (null: no cap) less {@code reserve} (what the later shots need at
     * least), never one of {@code tried}.
     */
    public Pick choose(Shot shot, String aspectRatio, BigDecimal remaining, BigDecimal reserve, Set<String> tried) {
        List<GenerationModel> fitting = fitting(shot, aspectRatio, tried);
        if (fitting.isEmpty()) {
            return new Unavailable(
                    "no_model_fits",
                    String.format(
                            Locale.ROOT,
                            "no model%s makes a %s of %s s",
                            tried.isEmpty() ? "" : " left untried",
                            shot.medium().wire(),
                            seconds(shot)));
        }
        boolean native_ = fitting.getFirst().makesAspect(aspectRatio);
        BigDecimal spendable = remaining == null ? null : remaining.subtract(reserve);
        Optional<GenerationModel> best = fitting.stream()
                .filter(m -> spendable == null || m.cost(shot).compareTo(spendable) <= 0)
                .sorted(BEST_FIRST.thenComparing(m -> m.cost(shot)))
                .findFirst();
        if (best.isEmpty()) {
            GenerationModel cheapest = fitting.stream()
                    .min(Comparator.comparing(m -> m.cost(shot)))
                    .orElseThrow();
            return new Unavailable(
                    "budget_exceeded",
                    String.format(
                            Locale.ROOT,
                            "the cheapest model that fits, %s, costs $%s; $%s is left after $%s for the later shots",
                            cheapest.id(),
                            plain(cheapest.cost(shot)),
                            plain(remaining),
                            plain(reserve)));
        }
        GenerationModel model = best.get();
        return new Chosen(model, model.cost(shot), reason(shot, aspectRatio, model, fitting, spendable, native_));
    }

    /** What the shots cost at least: the cheapest fitting model of each (one with no fit costs nothing here). */
    public BigDecimal cheapestTotal(List<Shot> shots, String aspectRatio) {
        BigDecimal total = BigDecimal.ZERO;
        for (Shot shot : shots) {
            total = total.add(fitting(shot, aspectRatio, Set.of()).stream()
                    .map(m -> m.cost(shot))
                    .min(Comparator.naturalOrder())
                    .orElse(BigDecimal.ZERO));
        }
        return total;
    }

    /** The models that fit: native aspect ratio if any does, otherwise any aspect (to be cropped). */
    private List<GenerationModel> fitting(Shot shot, String aspectRatio, Set<String> tried) {
        List<GenerationModel> made = catalog.stream()
                .filter(m -> !tried.contains(m.id()))
                .filter(m -> m.kind() == shot.medium().kindFromText())
                .filter(m ->
                        !m.kind().makesVideo() || m.clipSeconds(shot.seconds()).isPresent())
                .toList();
        List<GenerationModel> native_ =
                made.stream().filter(m -> m.makesAspect(aspectRatio)).toList();
        return native_.isEmpty() ? made : native_;
    }

    private static String reason(
            Shot shot,
            String aspectRatio,
            GenerationModel model,
            List<GenerationModel> fitting,
            BigDecimal spendable,
            boolean nativeAspect) {
        StringBuilder why = new StringBuilder();
        why.append(String.format(
                Locale.ROOT,
                "%d model%s make%s a %s%s at %s%s",
                fitting.size(),
                fitting.size() == 1 ? "" : "s",
                fitting.size() == 1 ? "s" : "",
                shot.medium().wire(),
                shot.medium() == ShotMedium.VIDEO ? " of " + seconds(shot) + " s" : "",
                aspectRatio,
                nativeAspect ? "" : " (none natively: cropped from " + model.aspectRatios() + ")"));
        Optional<GenerationModel> better = fitting.stream()
                .filter(m -> m.tier().compareTo(model.tier()) > 0)
                .min(Comparator.comparing(m -> m.cost(shot)));
        if (spendable == null) {
            why.append("; no budget cap");
        } else {
            why.append("; $").append(plain(spendable)).append(" may go to this shot");
            better.ifPresent(m -> why.append(String.format(
                    Locale.ROOT, ", too little for %s %s at $%s", m.tier().wire(), m.id(), plain(m.cost(shot)))));
        }
        why.append(String.format(
                Locale.ROOT, "; chosen: %s tier at $%s", model.tier().wire(), plain(model.cost(shot))));
        if (model.kind().makesVideo()) {
            int clip = model.clipSeconds(shot.seconds()).orElseThrow();
            if (clip > shot.seconds() + 1e-9) {
                why.append(String.format(Locale.ROOT, " for a %d s clip, trimmed to %s s", clip, seconds(shot)));
            }
        }
        return why.toString();
    }

    private static String seconds(Shot shot) {
        return BigDecimal.valueOf(shot.seconds()).stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null
                ? "∞"
                : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
