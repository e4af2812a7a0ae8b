package dev.ordo.marketplace.platform.security;

/**
 * A request the caller's roles allow in general but not on this resource, for a resource whose existence is no
 * secret (placing an order for another customer, changing another producer's product): a 403 problem naming the
 * rule. Where existence itself is private (another customer's order), the controllers answer 404 instead.
 */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
