package io.contentfactory.coach.api;

import io.contentfactory.coach.domain.AccountModel;
import io.contentfactory.coach.service.LearningService;
import io.contentfactory.contracts.events.ModelUpdated;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account's learned model as {@code GET /v1/accounts/{connectionId}/model} shows it. */
@Schema(name = "AccountModel")
public record AccountModelView(
        UUID connectionId,
        String platform,
        String accountId,

        @Schema(
                description = "learned (the newest version), pinned (a version the project chose) or defaults (no"
                        + " learned model, or the project reset the account)")
        String source,

        @Schema(description = "The model in force: version 0 is the defaults")
        Version inForce,

        @Schema(description = "The versions learned, newest first")
        List<Version> history) {

    @Schema(name = "AccountModelVersion")
    public record Version(
            int version,

            @Schema(description = "How many measured posts it rests on")
            int posts,

            @Schema(
                    description = "The checkpoint whose outcome it predicts: ln(the post's views, or reach, there ÷ the"
                            + " account's median)")
            String checkpoint,

            Instant fittedAt,

            @Schema(
                    description = "Per feature: the effect of the feature going from 0 to 1 on the outcome, with its"
                            + " 95 % interval; found when the interval leaves out zero")
            List<EffectView> effects,

            @Schema(description = "The outcomes' spread the features do not explain")
            double noiseVariance,

            @Schema(description = "The zone the best hours are in")
            String timeZone,

            @Schema(description = "The five hours of the week with the highest learned effect, best first")
            List<SlotView> bestHours,

            @Schema(description = "How it did on the account's latest posts, held out of its fit; null with too few")
            ModelUpdated.Validation validation) {

        static Version of(AccountModel model) {
            return new Version(
                    model.version(),
                    model.posts(),
                    model.checkpoint(),
                    model.fittedAt(),
                    model.effects().stream().map(EffectView::of).toList(),
                    model.noiseVariance(),
                    model.timeZone(),
                    SlotView.best(model, 5),
                    model.validation());
        }
    }

    @Schema(name = "LearnedEffect")
    public record EffectView(String feature, double mean, double low, double high, boolean found) {

        static EffectView of(ModelUpdated.Effect effect) {
            return new EffectView(
                    effect.feature(),
                    effect.mean(),
                    effect.low(),
                    effect.high(),
                    effect.low() > 0 || effect.high() < 0);
        }
    }

    @Schema(name = "LearnedHour")
    public record SlotView(
            @Schema(examples = "TUESDAY") String day,
            @Schema(examples = "18") int hour,

            @Schema(description = "Its effect on the outcome")
            double mean,

            @Schema(description = "The effect's standard deviation")
            double sd) {

        static List<SlotView> best(AccountModel model, int count) {
            List<ModelUpdated.SlotEffect> slots = model.slots();
            return model.bestSlots(count).stream()
                    .map(slot -> new SlotView(
                            java.time.DayOfWeek.of(slot / 24 + 1).name(),
                            slot % 24,
                            slots.get(slot).mean(),
                            slots.get(slot).sd()))
                    .toList();
        }
    }

    static AccountModelView of(LearningService.AccountModels models) {
        return new AccountModelView(
                models.connectionId(),
                models.account().platform(),
                models.account().accountId(),
                models.source(),
                Version.of(models.inForce()),
                models.history().stream().map(Version::of).toList());
    }
}
