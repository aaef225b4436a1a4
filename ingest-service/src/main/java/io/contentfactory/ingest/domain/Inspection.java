package io.contentfactory.ingest.domain;

import io.contentfactory.media.MediaProbe;

/** The verdict on a file's bytes: accepted with what FFmpeg found, or rejected with a reason code and a sentence. */
public sealed interface Inspection {

    record Accepted(SniffedType type, MediaProbe probe) implements Inspection {}

    /** {@code type} and {@code probe} are what was learnt before the file was turned down, when anything was. */
    record Rejected(String code, String detail, SniffedType type, MediaProbe probe) implements Inspection {

        public static Rejected because(String code, String detail) {
            return new Rejected(code, detail, null, null);
        }

        public String reason() {
            return code + ": " + detail;
        }
    }
}
