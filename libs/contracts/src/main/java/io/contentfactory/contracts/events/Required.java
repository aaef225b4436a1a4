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
}
