package io.contentfactory.sandbox;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

/** Sets an account's audience through the operator route, for tests that need known numbers. */
final class Audiences {

    private Audiences() {}

    /** An audience of {@code size} with no taste at all and no noise: every post does as well as its hour allows. */
    static void indifferent(String accountId, long size) {
        set(accountId, size, Map.of(), 0);
    }

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
                .body(Map.of("size", size, "taste", taste))
                .put("/sandbox/audience/{account}", accountId)
                .then()
                .statusCode(200);
    }
}
