package io.contentfactory.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's test command, {@code ./mvnw verify}, on a machine whose default {@code java} is older than 21 and
 * without {@code JAVA_HOME}: the wrapper selects a JDK 21+ by itself (.mvn/select-jdk.sh).
 */
class WrapperJdkIT {

    @Test
    void theWrapperSelectsAJdk21WhenTheDefaultJavaIsOlderAndJavaHomeIsUnset() throws Exception {
        Path root = Path.of(System.getProperty("factory.root", ".."))
                .toAbsolutePath()
                .normalize();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("mvnw").toString(), "-v")
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", olderJdkFirst() + "/bin:/usr/local/bin:/usr/bin:/bin");
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        Matcher version = Pattern.compile("Java version: (\\d+)").matcher(output);
        assertThat(version.find()).as(output).isTrue();
        assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(21);
    }

    /** A JDK older than 21 if the machine has one (Debian 12's 17), else a folder without java: PATH then finds none. */
    private static String olderJdkFirst() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                return homes.filter(home ->
                                home.getFileName().toString().matches(".*-(1[1-9]|8)-.*|.*-1\\.(8|1[1-9])\\..*"))
                        .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                        .map(Path::toString)
                        .findFirst()
                        .orElse("/nonexistent");
            }
        }
        return "/nonexistent";
    }
}
