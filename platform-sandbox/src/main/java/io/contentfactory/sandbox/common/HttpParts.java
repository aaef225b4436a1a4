package io.contentfactory.sandbox.common;

/** Small pieces of HTTP that several platforms share. */
public final class HttpParts {

    private HttpParts() {}

    /** {@code bytes first-last/total} as {first, last, total}, or null if it is not that. */
    public static long[] contentRange(String range) {
        if (range == null || !range.startsWith("bytes ")) {
            return null;
        }
        try {
            String[] span = range.substring(6).split("/");
            String[] ends = span[0].split("-");
            return new long[] {
                Long.parseLong(ends[0].trim()), Long.parseLong(ends[1].trim()), Long.parseLong(span[1].trim())
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
