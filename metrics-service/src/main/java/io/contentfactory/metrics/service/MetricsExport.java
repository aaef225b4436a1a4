package io.contentfactory.metrics.service;

import io.contentfactory.kit.domain.DomainError;
import io.contentfactory.metrics.domain.ExportedCheckpoint;
import io.contentfactory.metrics.persistence.MetricsExportStore;
import io.contentfactory.metrics.persistence.MetricsExportStore.Cursor;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Every checkpoint due in a window, with its metrics, streamed a page at a time for analysis elsewhere. */
@ApplicationScoped
public class MetricsExport {

    static final int PAGE = 500;
    static final Duration LONGEST = Duration.ofDays(366);

    private final MetricsExportStore store;

    MetricsExport(MetricsExportStore store) {
        this.store = store;
    }

    /** Checkpoints due in {@code [from, to)}, in due order; a window that ends before it starts or spans over a year is refused. */
    @WithSpan("MetricsExport.rows")
    public Multi<ExportedCheckpoint> rows(@SpanAttribute("project.id") UUID projectId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new DomainError.Invalid("invalid_window", "from " + from + " is not before to " + to);
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new DomainError.Invalid("window_too_long", "an export spans at most 366 days");
        }
        AtomicReference<Cursor> cursor = new AtomicReference<>(new Cursor(from.minusNanos(1000), new UUID(0, 0)));
        return Multi.createBy()
                .repeating()
                .uni(() -> store.page(projectId, from, to, cursor.get(), PAGE).invoke(page -> {
                    if (!page.isEmpty()) {
                        ExportedCheckpoint last = page.get(page.size() - 1);
                        cursor.set(new Cursor(last.dueAt(), last.checkpointId()));
                    }
                }))
                .whilst(page -> page.size() == PAGE)
                .onItem()
                .disjoint();
    }
}
