package io.contentfactory.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the packaged platform sandbox as its own process and points the service under test at it. Init args name
 * the properties to set to its base URL ({@code base-url-properties}, comma-separated) and extra sandbox settings.
 */
public class SandboxResource implements QuarkusTestResourceLifecycleManager {

    private static AppProcess sandbox;
    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        AppProcess running = sandbox(args);
        Map<String, String> config = new HashMap<>();
        // "a.base-url" gets the sandbox's base URL; "b.base-url=/tiktok" gets it with a path appended.
        for (String property : args.getOrDefault("base-url-properties", "").split(",")) {
            if (!property.isBlank()) {
                String[] nameAndPath = property.trim().split("=", 2);
                config.put(nameAndPath[0], running.baseUrl() + (nameAndPath.length == 2 ? nameAndPath[1] : ""));
            }
        }
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of the run; stopped at JVM exit
    }

    public static synchronized AppProcess sandbox() {
        return sandbox(Map.of());
    }

    private static synchronized AppProcess sandbox(Map<String, String> args) {
        if (sandbox == null) {
            Map<String, String> properties = new HashMap<>();
            args.forEach((key, value) -> {
                if (key.startsWith("sandbox.")) {
                    properties.put(key, value);
                }
            });
            sandbox = AppProcess.start(
                    "platform-sandbox", Path.of("../platform-sandbox"), properties, Duration.ofSeconds(60));
        }
        return sandbox;
    }
}
