package io.contentfactory.metrics.platform;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * How much of its rate limits a Meta answer says we used: the highest share (call count, CPU time or total time, in
 * percent) in {@code X-App-Usage} ({@code {"call_count":28,"total_time":25,"total_cputime":25}}) and
 * {@code X-Business-Use-Case-Usage} (per business object, a list of such entries with
 * {@code estimated_time_to_regain_access} in minutes). Meta throttles at 100 %.
 */
record MetaUsage(int percent, int minutesToRegainAccess) {

    static final MetaUsage NONE = new MetaUsage(0, 0);

    /** From the two headers, either of which may be absent or malformed (then it says nothing). */
    static MetaUsage of(String businessUseCase, String app) {
        MetaUsage usage = NONE;
        JsonObject byBusiness = PlatformAnswer.json(businessUseCase);
        if (byBusiness != null) {
            for (String business : byBusiness.fieldNames()) {
                if (byBusiness.getValue(business) instanceof JsonArray entries) {
                    for (int i = 0; i < entries.size(); i++) {
                        if (entries.getValue(i) instanceof JsonObject entry) {
                            usage = usage.max(entry(entry));
                        }
                    }
                }
            }
        }
        JsonObject ofApp = PlatformAnswer.json(app);
        return ofApp == null ? usage : usage.max(entry(ofApp));
    }

    /** When access comes back by Meta's estimate; null when it gives none. */
    Instant regainAccess(Instant now) {
        return minutesToRegainAccess > 0 ? now.plusSeconds(60L * minutesToRegainAccess) : null;
    }

    private static MetaUsage entry(JsonObject entry) {
        int percent = Math.max(
                share(entry, "call_count"), Math.max(share(entry, "total_cputime"), share(entry, "total_time")));
        return new MetaUsage(percent, share(entry, "estimated_time_to_regain_access"));
    }

    private static int share(JsonObject entry, String field) {
        return entry.getValue(field) instanceof Number number ? number.intValue() : 0;
    }

    private MetaUsage max(MetaUsage other) {
        return new MetaUsage(
                Math.max(percent, other.percent), Math.max(minutesToRegainAccess, other.minutesToRegainAccess));
    }
}
