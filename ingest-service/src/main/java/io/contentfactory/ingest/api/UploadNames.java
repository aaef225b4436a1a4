package io.contentfactory.ingest.api;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An upload's file name, from the query or a Content-Disposition header, reduced to a safe base name. */
final class UploadNames {

    private static final Pattern DISPOSITION_NAME =
            Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LENGTH = 200;

    private UploadNames() {}

    static String of(String given, String disposition) {
        String name = given;
        if ((name == null || name.isBlank()) && disposition != null) {
            Matcher matcher = DISPOSITION_NAME.matcher(disposition);
            if (matcher.find()) {
                name = java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        if (name == null) {
            return "upload-" + LocalDate.now();
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "upload-" + LocalDate.now();
        }
        return base.length() > MAX_LENGTH ? base.substring(base.length() - MAX_LENGTH) : base;
    }
}
