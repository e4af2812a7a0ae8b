package dev.ordo.marketplace.platform.wiring;

/**
 * A participant's refusal of a saga step's request for a business reason: the message says why, in words the saga
 * can pass on (an order cancelled for "insufficient stock for Oak Cutting Board: 3 available, 5 requested").
 */
public class StepRefusedException extends RuntimeException {

    public StepRefusedException(String message) {
        super(message);
    }
}
