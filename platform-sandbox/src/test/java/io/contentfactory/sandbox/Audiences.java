package io.contentfactory.sandbox;

import static io.restassured.RestAssured.given;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Sets an account's audience through the operator route, for tests that need known numbers. */
final class Audiences {

    private Audiences() {}

    /**
     * An audience of {@code size}, as many of it around at every hour, with no taste at all and no noise: every post
     * levels off at {@code size / 4} views, whenever it goes live.
     */
    static void indifferent(String accountId, long size) {
        set(accountId, size, Map.of(), 0);
    }

    /** As many around at every hour, so that a test's numbers never depend on the hour it runs at. */
    static void set(String accountId, long size, Map<String, Double> topics, double noise) {
        Map<String, Object> taste = new HashMap<>();
        taste.put("hook", 0);
        taste.put("preferredLengthSeconds", 30);
        taste.put("lengthToleranceSeconds", 20);
        taste.put("faces", 0);
        taste.put("onScreenText", 0);
        taste.put("topics", topics);
        taste.put("noise", noise);
        given().contentType("application/json")
                .body(Map.of("size", size, "activity", Collections.nCopies(168, 1.0), "taste", taste))
                .put("/sandbox/audience/{account}", accountId)
                .then()
                .statusCode(200);
    }
}
