package dev.ordo.kafka;

/**
 * Thrown when a relay was fenced: another producer with its transactional id started, so another relay of the same
 * name is active and this one must not publish.
 */
public final class RelayFencedException extends RuntimeException {

    public RelayFencedException(String relay) {
        super("relay " + relay + " was fenced by another relay of the same name and no longer publishes");
    }
}
