package io.contentfactory.contracts.events;

final class Required {
    private Required() {}

    static void fields(Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new IllegalArgumentException(namesAndValues[i] + " is required");
            }
        }
    }

    /** An API's optional fields may come as null; a null detail is no detail (and {@link java.util.Map#copyOf} refuses it). */
    static java.util.Map<String, Object> presentOnly(java.util.Map<String, Object> details) {
        if (details == null) {
            return java.util.Map.of();
        }
        java.util.LinkedHashMap<String, Object> present = new java.util.LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (key != null && value != null) {
                present.put(key, value);
            }
        });
        return java.util.Collections.unmodifiableMap(present);
    }
}
