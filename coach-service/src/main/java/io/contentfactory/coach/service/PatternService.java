package io.contentfactory.coach.service;

import io.contentfactory.coach.domain.PatternBatch;
import io.contentfactory.coach.domain.PatternFilter;
import io.contentfactory.coach.domain.PatternRow;
import io.contentfactory.coach.domain.TopPattern;
import io.contentfactory.coach.persistence.TopPatternStore;
import io.contentfactory.contracts.events.PatternDeleted;
import io.contentfactory.contracts.events.PatternImported;
import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.kit.outbox.Outbox;
import io.contentfactory.kit.tenancy.TenantScope;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Top-performer patterns (the seed's Kalodata input): imported row by row, listed and deleted. An import stores its
 * good rows in one transaction, with their {@code pattern.imported} events, and reports every bad row by its line;
 * a file with no good row stores nothing. A deletion is announced ({@code pattern.deleted}) in its transaction.
 */
@ApplicationScoped
public class PatternService {

    /** The rows one import may hold. */
    public static final int MAX_ROWS = 5_000;

    private final TopPatternStore patterns;
    private final Outbox outbox;
    private final TenantScope tenancy;

    PatternService(TopPatternStore patterns, Outbox outbox, TenantScope tenancy) {
        this.patterns = patterns;
        this.outbox = outbox;
        this.tenancy = tenancy;
    }

    /** What an import did: how many patterns it created and updated, and each rejected row with its faults. */
    public record ImportOutcome(UUID importId, int created, int updated, List<PatternRow.Rejected> rejected) {}

    @WithSpan("PatternService.importRows")
    public Uni<ImportOutcome> importRows(@SpanAttribute("project.id") UUID projectId, List<PatternRow> rows) {
        if (rows.isEmpty()) {
            throw new DomainError.Invalid("no_rows", "the file holds no pattern rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw new DomainError.TooLarge(
                    "too_many_rows", "an import holds at most " + MAX_ROWS + " rows; this one has " + rows.size());
        }
        PatternBatch batch = PatternBatch.checked(rows);
        if (batch.accepted().isEmpty()) {
            throw new DomainError.Unprocessable(
                    "no_valid_rows",
                    "none of the " + rows.size() + " rows is a valid pattern; nothing was imported",
                    Map.of("rows", batch.rejected()));
        }
        UUID importId = UUID.randomUUID();
        Instant now = Instant.now();
        return tenancy.transaction(
                projectId,
                () -> patterns.withReferences(batch.accepted().stream()
                                .map(row -> row.fields().sourceReference())
                                .toList())
                        .chain(existing -> store(projectId, importId, batch, existing, now)));
    }

    private Uni<ImportOutcome> store(
            UUID projectId, UUID importId, PatternBatch batch, List<TopPattern> existing, Instant now) {
        Map<String, TopPattern> byReference =
                existing.stream().collect(Collectors.toMap(pattern -> pattern.sourceReference, Function.identity()));
        List<TopPattern> written = new ArrayList<>();
        int updated = 0;
        for (PatternRow.Accepted row : batch.accepted()) {
            TopPattern known = byReference.get(row.fields().sourceReference());
            if (known == null) {
                written.add(TopPattern.imported(projectId, importId, row.fields(), now));
            } else {
                known.reimported(importId, row.fields(), now);
                written.add(known);
                updated++;
            }
        }
        int created = written.size() - updated;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TopPattern pattern : written) {
            chain = chain.chain(() -> patterns.save(pattern)).replaceWithVoid();
        }
        for (List<TopPattern> chunk : chunks(written, PatternImported.MAX_PATTERNS)) {
            chain = chain.chain(() -> outbox.record(projectId, imported(importId, chunk)))
                    .replaceWithVoid();
        }
        int changed = updated;
        return chain.replaceWith(() -> new ImportOutcome(importId, created, changed, batch.rejected()));
    }

    public Uni<TopPattern> get(UUID projectId, UUID id) {
        return tenancy.transaction(projectId, () -> found(id));
    }

    public Uni<List<TopPattern>> page(UUID projectId, PatternFilter filter, int limit) {
        return tenancy.transaction(projectId, () -> patterns.page(filter, limit));
    }

    /** Loads one pattern of the project: what a {@code kalodata_product} brief is written from. */
    Uni<TopPattern> found(UUID id) {
        return patterns.of(id)
                .map(found -> found.orElseThrow(() -> DomainError.NotFound.coded(
                        "pattern_not_found", "pattern " + id + " does not exist in this project")));
    }

    @WithSpan("PatternService.delete")
    public Uni<Void> delete(@SpanAttribute("project.id") UUID projectId, UUID id) {
        return tenancy.transaction(projectId, () -> found(id).chain(pattern -> deleted(projectId, List.of(id))))
                .replaceWithVoid();
    }

    /** Deletes the patterns an import last wrote; how many. */
    @WithSpan("PatternService.deleteImport")
    public Uni<Integer> deleteImport(@SpanAttribute("project.id") UUID projectId, UUID importId) {
        return tenancy.transaction(
                projectId, () -> patterns.idsOfImport(importId).chain(ids -> deleted(projectId, ids)));
    }

    private Uni<Integer> deleted(UUID projectId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Uni<Void> chain = patterns.deleteAll(ids).replaceWithVoid();
        for (List<UUID> chunk : chunks(ids, PatternImported.MAX_PATTERNS)) {
            chain = chain.chain(() -> outbox.record(projectId, new PatternDeleted(chunk)))
                    .replaceWithVoid();
        }
        return chain.replaceWith(ids.size());
    }

    private static PatternImported imported(UUID importId, List<TopPattern> chunk) {
        return new PatternImported(
                importId,
                chunk.stream()
                        .map(pattern -> new PatternImported.Pattern(
                                pattern.id,
                                pattern.hookText,
                                pattern.introStyle,
                                pattern.lengthSec,
                                pattern.format.wire(),
                                pattern.productCategory,
                                pattern.angle.wire()))
                        .toList());
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return chunks;
    }
}
