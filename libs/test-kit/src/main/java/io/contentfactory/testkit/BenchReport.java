package io.contentfactory.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** A benchmark's figures: printed with a {@code BENCH} prefix and appended, timestamped, to a file under target/. */
public final class BenchReport {

    private final Path file;

    public BenchReport(Path file) {
        this.file = file;
    }

    public void line(String line) {
        System.out.println("BENCH " + line);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file,
                    Instant.now() + " " + line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
