package org.helpline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads a prompt's script from {@code prompts/}, so a test can check that the caller hears that prompt. */
public final class Scripts {

    private Scripts() {
    }

    public static String en(String id) {
        return of("en", id);
    }

    public static String es(String id) {
        return of("es", id);
    }

    public static String of(String language, String id) {
        try {
            return Files.readAllLines(Path.of("prompts", language, id + ".txt")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.joining(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
