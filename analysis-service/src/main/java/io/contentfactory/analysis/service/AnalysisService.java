package io.contentfactory.analysis.service;

import io.contentfactory.analysis.domain.AnalysisSettings;
import io.contentfactory.analysis.domain.AnalysisStatus;
import io.contentfactory.analysis.domain.MediaAnalysis;
import io.contentfactory.analysis.domain.ProviderResult;
import io.contentfactory.analysis.persistence.AnalysisProgress;
import io.contentfactory.analysis.persistence.AnalysisSettingsStore;
import io.contentfactory.analysis.persistence.MediaAnalysisStore;
import io.contentfactory.analysis.persistence.MediaSources;
import io.contentfactory.contracts.events.MediaAnalysisProgressed;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.tenancy.TenantScope;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** A project's analyses as read through the API, a request to analyse an item again, and the project's settings. */
@ApplicationScoped
public class AnalysisService {

    /** The latest analysis of an item with its providers' outcomes, or only its progress while none is done. */
    public record Reading(
            UUID mediaId, MediaAnalysis analysis, List<ProviderResult> results, MediaAnalysisProgressed progress) {
        public boolean done() {
            return analysis != null;
        }
    }

    /** The project's settings, and the model in force for each of its accounts. */
    public record SettingsWithModels(AnalysisSettings settings, List<AccountModel> models) {}

    /** An account's model in force, and whether it is the one new media is scored with. */
    public record AccountModel(io.contentfactory.contracts.events.ModelUpdated model, boolean scoresNewMedia) {}

    private final MediaAnalysisStore analyses;
    private final MediaSources sources;
    private final AccountModels accountModels;
    private final AnalysisSettingsStore projectSettings;
    private final AnalysisProgress progress;
    private final TenantScope tenancy;

    AnalysisService(
            MediaAnalysisStore analyses,
            MediaSources sources,
            AnalysisSettingsStore projectSettings,
            AnalysisProgress progress,
            TenantScope tenancy,
            AccountModels accountModels) {
        this.accountModels = accountModels;
        this.analyses = analyses;
        this.sources = sources;
        this.projectSettings = projectSettings;
        this.progress = progress;
        this.tenancy = tenancy;
    }

    @WithSpan("AnalysisService.latest")
    public Uni<Reading> latest(@SpanAttribute("project.id") UUID projectId, @SpanAttribute("media.id") UUID mediaId) {
        return progress.of(projectId, mediaId)
                .chain(progressed -> tenancy.transaction(
                        projectId,
                        () -> analyses.latestOf(projectId, mediaId)
                                .chain(analysis -> reading(projectId, mediaId, analysis, progressed))));
    }

    /**
     * Asks for the item to be analysed by the analyzer version now deployed: an item that version has analysed is
     * not analysed twice (its reading is done), and one on its way is not queued again (its reading is pending).
     */
    @WithSpan("AnalysisService.request")
    public Uni<Reading> request(@SpanAttribute("project.id") UUID projectId, @SpanAttribute("media.id") UUID mediaId) {
        return sources.find(projectId, mediaId).chain(source -> {
            if (source == null) {
                return Uni.createFrom().failure(notFound(mediaId));
            }
            return progress.of(projectId, mediaId)
                    .chain(progressed -> tenancy.transaction(projectId, () -> analyses.latestOf(projectId, mediaId))
                            .chain(latest -> requested(projectId, mediaId, latest, progressed)));
        });
    }

    @WithSpan("AnalysisService.settings")
    public Uni<AnalysisSettings> settings(@SpanAttribute("project.id") UUID projectId) {
        return projectSettings.settings(projectId);
    }

    /** The settings with the model in force for each account, against the default weights. */
    @WithSpan("AnalysisService.settingsWithModels")
    public Uni<SettingsWithModels> settingsWithModels(@SpanAttribute("project.id") UUID projectId) {
        return projectSettings
                .settings(projectId)
                .chain(settings -> tenancy.transaction(projectId, () -> accountModels.inForce())
                        .map(models -> {
                            var scoring = models.stream()
                                    .filter(io.contentfactory.contracts.events.ModelUpdated::learned)
                                    .findFirst();
                            return new SettingsWithModels(
                                    settings,
                                    models.stream()
                                            .map(model -> new AccountModel(
                                                    model, scoring.isPresent() && scoring.get() == model))
                                            .toList());
                        }));
    }

    @WithSpan("AnalysisService.saveSettings")
    public Uni<AnalysisSettings> saveSettings(@SpanAttribute("project.id") UUID projectId, AnalysisSettings settings) {
        return tenancy.transaction(projectId, () -> projectSettings.saveSettings(projectId, settings))
                .replaceWith(settings);
    }

    private Uni<Reading> requested(
            UUID projectId, UUID mediaId, MediaAnalysis latest, MediaAnalysisProgressed progressed) {
        if (latest != null && MediaAnalyzer.VERSION.equals(latest.analyzerVersion)) {
            return tenancy.transaction(projectId, () -> reading(projectId, mediaId, latest, progressed));
        }
        if (progressed != null && AnalysisStatus.ofWire(progressed.status()).inFlight()) {
            return Uni.createFrom().item(new Reading(mediaId, null, List.of(), progressed));
        }
        return progress.request(projectId, mediaId, MediaAnalyzer.VERSION)
                .map(queued -> new Reading(mediaId, null, List.of(), queued));
    }

    private Uni<Reading> reading(
            UUID projectId, UUID mediaId, MediaAnalysis analysis, MediaAnalysisProgressed progressed) {
        if (analysis != null) {
            return analyses.results(projectId, analysis.id)
                    .map(results -> new Reading(mediaId, analysis, results, progressed));
        }
        if (progressed != null) {
            return Uni.createFrom().item(new Reading(mediaId, null, List.of(), progressed));
        }
        return Uni.createFrom().failure(notFound(mediaId));
    }

    private static DomainError notFound(UUID mediaId) {
        return DomainError.NotFound.coded("not_found", "media " + mediaId + " has no analysis in this project yet");
    }
}
