package io.contentfactory.ingest.service;

import io.contentfactory.ingest.config.IngestConfig;
import io.contentfactory.ingest.domain.Origin;
import io.contentfactory.ingest.domain.ProjectFolder;
import io.contentfactory.ingest.domain.WatchedFolders;
import io.contentfactory.ingest.persistence.MediaAssetStore;
import io.contentfactory.ingest.persistence.ProjectFolderRepository;
import io.contentfactory.ingest.storage.StagedFile;
import io.contentfactory.ingest.storage.StagingArea;
import io.contentfactory.ingest.storage.TooLargeException;
import io.contentfactory.kit.tenancy.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Scans each project's watched folder, {@code <root>/<project-slug>/**} or the folder an operator configured for the
 * project, and ingests each file once it is complete.
 *
 * <ul>
 *   <li>A file is complete when its size and modification time are unchanged across two scans and its name is not a
 *       temporary one ({@code .part}, {@code .crdownload}, ...). Hidden files are ignored.</li>
 *   <li>Each ingested version is recorded by (project, path, hash) in the same transaction as its item, so a rescan or
 *       a restart ingests nothing twice, and files that arrived while the service was down are picked up on its first
 *       scan. A file replaced with other bytes becomes the next version of its path's item.</li>
 *   <li>Subfolders are walked. Symbolic links are followed only when they resolve inside the project's folder; an
 *       unreadable file is logged once and retried each scan; a file over the size limit is recorded as failed.</li>
 * </ul>
 */
@ApplicationScoped
public class FolderWatcher {

    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);
    private static final List<String> TEMPORARY_SUFFIXES =
            List.of(".part", ".crdownload", ".tmp", ".download", ".partial");

    private final WatchedFolders watchedFolders;
    private final long maxBytes;
    private final StagingArea staging;
    private final MediaIntake intake;
    private final MediaAssetStore writes;
    private final ProjectFolderRepository folders;
    private final TenantScope tenantScope;
    private ScanMemory memory = new ScanMemory();
    private volatile boolean stopping;

    FolderWatcher(
            IngestConfig config,
            WatchedFolders watchedFolders,
            StagingArea staging,
            MediaIntake intake,
            MediaAssetStore writes,
            ProjectFolderRepository folders,
            TenantScope tenantScope) {
        this.watchedFolders = watchedFolders;
        this.maxBytes = config.limits().maxSize().asLongValue();
        this.staging = staging;
        this.intake = intake;
        this.writes = writes;
        this.folders = folders;
        this.tenantScope = tenantScope;
    }

    /** What this process remembers between scans; none of it is needed for correctness after a restart. */
    private static final class ScanMemory {
        /** Last observed (size, mtime) per file; only files seen unchanged twice are ingested. */
        final Map<Path, FileState> lastSeen = new HashMap<>();
        /** Versions already handled, so that unchanged files are not hashed again on every scan. */
        final Map<Path, FileState> handled = new HashMap<>();
        /** Paths already reported, so that a log line is not repeated every scan. */
        final Set<Path> reported = new HashSet<>();
    }

    @Scheduled(every = "${factory.ingest.scan-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        try {
            scan();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debugf("folder scan stopped by the shutdown: %s", e.toString());
            } else {
                LOG.warnf("folder scan failed, retrying next round: %s", e.toString());
            }
        }
    }

    /** A scan that meets the closing database pool while the service stops is no failure worth a warning. */
    void stopping(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    public synchronized void scan() {
        for (ProjectFolder project : knownProjects()) {
            Path folder = watchedFolders.of(project.slug);
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                scanProject(project, folder);
            }
        }
    }

    /** Forgets what this process learnt between scans, as a restart does; the database still knows what was ingested. */
    public synchronized void forgetAsAfterRestart() {
        memory = new ScanMemory();
    }

    private List<ProjectFolder> knownProjects() {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> tenantScope.system().chain(() -> folders.listAll())));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot list projects", e);
        }
    }

    private void scanProject(ProjectFolder project, Path folder) {
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(path -> !path.equals(folder)).forEach(path -> consider(project, folder, realFolder, path));
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warnf("cannot walk %s: %s", folder, e.getMessage());
        }
    }

    private void consider(ProjectFolder project, Path folder, Path realFolder, Path path) {
        String name = path.getFileName().toString();
        if (name.startsWith(".") || TEMPORARY_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return;
        }
        if (!real.startsWith(realFolder)) {
            reportOnce(path, "skipping %s: it links outside the project's watched folder");
            return;
        }
        if (!Files.isRegularFile(real)) {
            return;
        }
        FileState state = FileState.of(real);
        if (state == null || state.equals(memory.handled.get(path))) {
            return;
        }
        FileState previous = memory.lastSeen.put(path, state);
        if (!state.equals(previous)) {
            return;
        }
        if (!Files.isReadable(real)) {
            reportOnce(path, "skipping unreadable file %s; it is retried every scan");
            return;
        }
        if (ingest(project, folder.relativize(path).toString(), real, state)) {
            memory.handled.put(path, state);
        }
    }

    private boolean ingest(ProjectFolder project, String relativePath, Path file, FileState state) {
        StagedFile staged;
        try (InputStream in = Files.newInputStream(file)) {
            staged = staging.receive(in, maxBytes, bytes -> {});
        } catch (TooLargeException e) {
            var item = intake.open(
                    project.projectId,
                    Origin.watched(relativePath, file.getFileName().toString(), state.size()));
            intake.fail(item, "too_large", e.getMessage(), state.size());
            return true;
        } catch (IOException e) {
            LOG.warnf("cannot read %s, retrying next scan: %s", file, e.toString());
            return false;
        }
        try {
            if (writes.watchedBefore(project.projectId, relativePath, staged.sha256())
                    .await()
                    .indefinitely()) {
                staged.discard();
                return true;
            }
            intake.ingest(
                    project.projectId,
                    Origin.watched(relativePath, file.getFileName().toString(), state.size()),
                    staged);
            return true;
        } catch (RuntimeException e) {
            staged.discard();
            LOG.warnf("cannot ingest %s, retrying next scan: %s", file, e.toString());
            return false;
        }
    }

    private void reportOnce(Path path, String message) {
        if (memory.reported.add(path)) {
            LOG.warnf(message, path);
        }
    }

    private record FileState(long size, long modifiedMillis) {
        static FileState of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new FileState(
                        attributes.size(), attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return null;
            }
        }
    }
}
