package io.contentfactory.ingest.watch;

import io.contentfactory.ingest.domain.MediaRegistry;
import io.contentfactory.ingest.domain.ProjectFolder;
import io.contentfactory.ingest.persistence.ProjectFolderRepository;
import io.contentfactory.ingest.persistence.WatchedFiles;
import io.contentfactory.ingest.storage.ObjectStorage;
import io.contentfactory.ingest.storage.StoredObject;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Scans {@code <root>/<project-slug>/**} and ingests each file once it is complete.
 *
 * <p>A file is complete when its size and modification time are unchanged across two scans and its name is
 * not a temporary one. Each ingested version is recorded by (project, path, hash), so a rescan or a restart
 * ingests nothing twice, and files that arrived while the service was down are picked up on its first scan.
 * Symbolic links are followed only when they resolve inside the root; unreadable files are logged and retried.
 */
@ApplicationScoped
public class FolderWatcher {

    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);
    private static final List<String> TEMPORARY_SUFFIXES = List.of(".part", ".crdownload", ".tmp", ".download", ".partial");

    private final Path root;
    private final ObjectStorage storage;
    private final MediaRegistry registry;
    private final ProjectFolderRepository folders;
    private final WatchedFiles watchedFiles;
    private final TenantScope tenantScope;
    /** Last observed (size, mtime) per file; only files seen unchanged twice are ingested. */
    private final Map<Path, FileState> lastSeen = new HashMap<>();
    /** Versions already handled by this process, so unchanged files are not re-hashed on every scan. */
    private final Map<Path, FileState> handled = new HashMap<>();
    private final Set<Path> refused = new HashSet<>();

    FolderWatcher(@ConfigProperty(name = "factory.ingest.watch-root") Path root, ObjectStorage storage,
            MediaRegistry registry, ProjectFolderRepository folders, WatchedFiles watchedFiles, TenantScope tenantScope) {
        this.root = root.toAbsolutePath().normalize();
        this.storage = storage;
        this.registry = registry;
        this.folders = folders;
        this.watchedFiles = watchedFiles;
        this.tenantScope = tenantScope;
    }

    @Scheduled(every = "${factory.ingest.scan-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warnf("folder scan failed, retrying next round: %s", e.toString());
        }
    }

    public synchronized void scan() {
        if (!Files.isDirectory(root)) {
            return;
        }
        for (ProjectFolder project : knownProjects()) {
            Path projectDir = root.resolve(project.slug);
            if (Files.isDirectory(projectDir, LinkOption.NOFOLLOW_LINKS)) {
                scanProject(project, projectDir);
            }
        }
    }

    private List<ProjectFolder> knownProjects() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> tenantScope.system().chain(() -> folders.listAll())));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot list projects", e);
        }
    }

    private void scanProject(ProjectFolder project, Path projectDir) {
        try (Stream<Path> files = Files.walk(projectDir)) {
            files.filter(path -> !path.equals(projectDir)).forEach(path -> consider(project, path));
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warnf("cannot walk %s: %s", projectDir, e.getMessage());
        }
    }

    private void consider(ProjectFolder project, Path path) {
        String name = path.getFileName().toString();
        if (name.startsWith(".") || TEMPORARY_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return;
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            LOG.debugf("skipping %s: %s", path, e.getMessage());
            return;
        }
        if (!real.startsWith(root)) {
            if (refused.add(path)) {
                LOG.warnf("skipping %s: it links outside the watched root", path);
            }
            return;
        }
        if (!Files.isRegularFile(real)) {
            return;
        }
        FileState state = FileState.of(real);
        if (state == null || state.equals(handled.get(path))) {
            return;
        }
        FileState previous = lastSeen.put(path, state);
        if (!state.equals(previous)) {
            return;
        }
        if (!Files.isReadable(real)) {
            LOG.warnf("skipping unreadable file %s", path);
            return;
        }
        if (ingest(project, root.resolve(project.slug).relativize(path).toString(), real)) {
            handled.put(path, state);
        }
    }

    private boolean ingest(ProjectFolder project, String relativePath, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            StoredObject object = storage.put(project.projectId, in);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> tenantScope.bind(project.projectId)
                    .chain(() -> watchedFiles.seen(project.projectId, relativePath, object.sha256()))
                    .chain(seen -> seen
                            ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                            : registry.register(project.projectId, "watched_folder", file.getFileName().toString(), object)
                                    .chain(asset -> watchedFiles.record(project.projectId, relativePath, object.sha256(),
                                            object.sizeBytes(), asset.id)))));
            return true;
        } catch (Throwable e) {
            LOG.warnf("cannot ingest %s, retrying next scan: %s", file, e.toString());
            return false;
        }
    }

    private record FileState(long size, long modifiedMillis) {
        static FileState of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new FileState(attributes.size(), attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return null;
            }
        }
    }

}
