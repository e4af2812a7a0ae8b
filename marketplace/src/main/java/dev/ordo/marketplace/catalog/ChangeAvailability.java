package dev.ordo.marketplace.catalog;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Makes a product orderable or not. The current availability changes nothing.
 *
 * @param available whether customers can order it
 * @param changedAt when it changes
 */
public record ChangeAvailability(boolean available, @NotNull Instant changedAt) implements ProductCommand {
}
