package io.contentfactory.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape every service has, as rules a build enforces (see the root README's "Adding a service"):
 *
 * <ul>
 *   <li>{@code api} → {@code service} → ({@code domain}, {@code persistence}, {@code clients}, {@code platform});
 *       {@code messaging} → {@code service}; {@code domain} and {@code config} may be used by every layer;
 *   <li>{@code domain} uses nothing from {@code persistence}, Vert.x SQL, JAX-RS or the problem types;
 *   <li>every class lives in one of those layers.
 * </ul>
 *
 * A service whose work has another natural home names the extra packages and the layer each belongs to, for
 * example ingest-service's folder watcher as an inbound adapter beside {@code messaging}.
 */
public final class ServiceLayers {

    public enum Layer {
        API("api"),
        MESSAGING("messaging"),
        SERVICE("service"),
        DOMAIN("domain"),
        PERSISTENCE("persistence"),
        CLIENTS("clients"),
        PLATFORM("platform"),
        CONFIG("config");

        private final String packageName;

        Layer(String packageName) {
            this.packageName = packageName;
        }
    }

    private final String base;
    private final Map<Layer, List<String>> packages = new LinkedHashMap<>();

    private ServiceLayers(String base) {
        this.base = base;
        for (Layer layer : Layer.values()) {
            packages.put(layer, new ArrayList<>(List.of(base + "." + layer.packageName + "..")));
        }
    }

    /** The layers of the service whose classes are under {@code basePackage}. */
    public static ServiceLayers of(String basePackage) {
        return new ServiceLayers(basePackage);
    }

    /** Puts the classes under {@code base + "." + subPackage} into {@code layer} as well. */
    public ServiceLayers with(Layer layer, String subPackage) {
        packages.get(layer).add(base + "." + subPackage + "..");
        return this;
    }

    public JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(base);
    }

    public List<ArchRule> rules() {
        return List.of(layering(), domainIsPure(), everyClassHasALayer());
    }

    /** Checks every rule against the service's main classes; a violation fails with all of its findings. */
    public void check() {
        JavaClasses classes = mainClasses();
        rules().forEach(rule -> rule.check(classes));
    }

    private ArchRule layering() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api")
                .definedBy(of(Layer.API))
                .layer("messaging")
                .definedBy(of(Layer.MESSAGING))
                .layer("service")
                .definedBy(of(Layer.SERVICE))
                .layer("domain")
                .definedBy(of(Layer.DOMAIN))
                .layer("persistence")
                .definedBy(of(Layer.PERSISTENCE))
                .layer("clients")
                .definedBy(of(Layer.CLIENTS))
                .layer("platform")
                .definedBy(of(Layer.PLATFORM))
                .layer("config")
                .definedBy(of(Layer.CONFIG))
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("service")
                .mayOnlyBeAccessedByLayers("api", "messaging")
                .whereLayer("persistence")
                .mayOnlyBeAccessedByLayers("service")
                .whereLayer("clients")
                .mayOnlyBeAccessedByLayers("service")
                .whereLayer("platform")
                .mayOnlyBeAccessedByLayers("service", "clients")
                .as("api -> service -> (domain, persistence, clients, platform); messaging -> service");
    }

    private ArchRule domainIsPure() {
        List<String> forbidden = new ArrayList<>(List.of(
                "io.vertx.sqlclient..",
                "io.vertx.mutiny.sqlclient..",
                "io.vertx.pgclient..",
                "jakarta.ws.rs..",
                "org.jboss.resteasy..",
                "io.contentfactory.kit.problem.."));
        forbidden.addAll(packages.get(Layer.PERSISTENCE));
        return noClasses()
                .that()
                .resideInAnyPackage(of(Layer.DOMAIN))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden.toArray(String[]::new))
                .as("domain uses nothing from persistence, Vert.x SQL, JAX-RS or the problem types");
    }

    private ArchRule everyClassHasALayer() {
        String[] all = packages.values().stream().flatMap(List::stream).toArray(String[]::new);
        return classes()
                .that()
                .resideOutsideOfPackage(base)
                .should()
                .resideInAnyPackage(all)
                .as("every class lives in one of the layers (api, messaging, service, domain, persistence,"
                        + " clients, platform, config)");
    }

    private String[] of(Layer layer) {
        return packages.get(layer).toArray(String[]::new);
    }

    /**
     * The lines of the service's main sources (under {@code src/main/java}) that spell one of {@code statuses} as a
     * string literal outside the files whose paths contain one of {@code allowed} (the status enum, its stores, and
     * code that reads another service's statuses). A status is written through its enum everywhere else.
     */
    public static List<String> statusLiterals(
            java.util.Collection<String> statuses, java.util.Collection<String> allowed) {
        java.nio.file.Path root = java.nio.file.Path.of("src/main/java");
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"("
                + String.join(
                        "|",
                        statuses.stream().map(java.util.regex.Pattern::quote).toList()) + ")\"");
        List<String> found = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (allowed.stream().anyMatch(path::contains)) {
                    continue;
                }
                List<String> lines = java.nio.file.Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (literal.matcher(lines.get(i)).find()) {
                        found.add(path + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }
}
