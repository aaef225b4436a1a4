package io.contentfactory.sandbox.common;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Applies the call-level faults; the state faults ({@link Fault#ERROR}, {@link Fault#EXPIRED}, ...) are the caller's. */
public final class Faults {

    private Faults() {}

    /**
     * Runs {@code call} as {@code fault} says: an error fault answers the platform's error instead, a late success
     * delays the answer, a timeout answers an error late and does nothing.
     *
     * @param error the platform's own error answer for {@link Fault#SERVER_ERROR}, {@link Fault#RATE_LIMIT} and
     *              {@link Fault#MEDIA_FETCH_FAILED}; null where the platform accepts the call and the fault shows later
     *              in the item's state, which the call itself then handles
     */
    public static <T> Uni<T> apply(
            Optional<Fault> fault, Supplier<Uni<T>> call, Function<Fault, RuntimeException> error) {
        if (fault.isEmpty()) {
            return call.get();
        }
        return switch (fault.get()) {
            case SUCCEEDS_LATE -> call.get().onItem().delayIt().by(Fault.LATE_ANSWER);
            case TIMEOUT ->
                Uni.createFrom()
                        .voidItem()
                        .onItem()
                        .delayIt()
                        .by(Fault.LATE_ANSWER)
                        .chain(() -> Uni.createFrom().failure(error.apply(Fault.SERVER_ERROR)));
            case SERVER_ERROR, RATE_LIMIT, MEDIA_FETCH_FAILED -> {
                RuntimeException answer = error.apply(fault.get());
                yield answer == null ? call.get() : Uni.createFrom().failure(answer);
            }
            case ERROR, EXPIRED -> call.get();
        };
    }

    /** The state fault armed for this call, if that is what was armed. */
    public static boolean is(Optional<Fault> fault, Fault kind) {
        return fault.isPresent() && fault.get() == kind;
    }
}
