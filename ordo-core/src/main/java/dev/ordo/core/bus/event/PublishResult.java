package dev.ordo.core.bus.event;

/**
 * What publishing delivered.
 *
 * @param delivered how many listener calls returned normally
 * @param failed    how many listener calls threw (each is in {@link EventBus#failures()})
 */
public record PublishResult(int delivered, int failed) {

    /** Nothing delivered, nothing failed. */
    public static final PublishResult NONE = new PublishResult(0, 0);

    /** The sum of both results. */
    public PublishResult plus(PublishResult other) {
        return new PublishResult(delivered + other.delivered, failed + other.failed);
    }
}
