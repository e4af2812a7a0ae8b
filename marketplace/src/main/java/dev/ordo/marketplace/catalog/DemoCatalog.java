package dev.ordo.marketplace.catalog;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProducerId;
import dev.ordo.marketplace.shared.ProductId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fixed demo catalog to seed an empty marketplace: four producers and twelve products (food and goods, priced in
 * EUR), as {@link RegisterProduct} commands.
 *
 * <p>Ids are name-based UUIDs ({@link UUID#nameUUIDFromBytes}) of a fixed key per producer and product, and every
 * product is registered at {@link #REGISTERED_AT}, so the same commands come out on every start and on every machine:
 * seeding twice finds the products already registered ({@code product-already-registered}) instead of adding
 * duplicates. Every command is accepted by {@link ProductDecider} on an empty stream.
 */
public final class DemoCatalog {

    /** When every demo product counts as registered. */
    public static final Instant REGISTERED_AT = Instant.parse("2025-01-01T08:00:00Z");

    /**
     * A producer of the demo catalog.
     *
     * @param id   the producer's id
     * @param name the producer's display name
     */
    public record Producer(ProducerId id, String name) {
    }

    private static final Producer DAIRY = producer("alpenhof-dairy", "Alpenhof Dairy");
    private static final Producer ORCHARD = producer("sunny-slope-orchard", "Sunny Slope Orchard");
    private static final Producer BAKERY = producer("old-mill-bakery", "Old Mill Bakery");
    private static final Producer WORKSHOP = producer("birch-and-clay-workshop", "Birch & Clay Workshop");

    private static final List<Producer> PRODUCERS = List.of(DAIRY, ORCHARD, BAKERY, WORKSHOP);

    private static final List<RegisterProduct> PRODUCTS = List.of(
            product(DAIRY, "mountain-cheese", "Mountain Cheese, 12 months (400 g)",
                    "Raw-milk hard cheese matured for a year in the cellar.", "8.90", true),
            product(DAIRY, "fresh-butter", "Fresh Butter (250 g)",
                    "Churned from sweet cream the day it ships.", "3.20", true),
            product(DAIRY, "natural-yogurt", "Natural Yogurt (500 g)",
                    "Whole-milk yogurt, no sugar added.", "2.40", true),
            product(ORCHARD, "crisp-apples", "Crisp Apples (1 kg)",
                    "A mix of Elstar and Topaz from the autumn harvest.", "3.50", true),
            product(ORCHARD, "cloudy-apple-juice", "Cloudy Apple Juice (1 l)",
                    "Pressed from our own apples, unfiltered.", "2.95", true),
            product(ORCHARD, "wildflower-honey", "Wildflower Honey (500 g)",
                    "From the hives between the orchard rows.", "7.80", true),
            product(BAKERY, "sourdough-rye-loaf", "Sourdough Rye Loaf (1 kg)",
                    "Stone-milled rye, fermented for 24 hours.", "5.60", true),
            product(BAKERY, "butter-croissants", "Butter Croissants (4 pieces)",
                    "Laminated by hand with Alpenhof butter.", "4.80", true),
            product(BAKERY, "christmas-stollen", "Christmas Stollen (750 g)",
                    "Baked from late November only.", "14.90", false),
            product(WORKSHOP, "stoneware-mug", "Stoneware Mug (350 ml)",
                    "Wheel-thrown, glazed in forest green, dishwasher safe.", "18.00", true),
            product(WORKSHOP, "oak-cutting-board", "Oak Cutting Board",
                    "Solid oak, oiled, 40 x 25 cm.", "34.50", true),
            product(WORKSHOP, "beeswax-candles", "Beeswax Candles (set of 2)",
                    "Hand-dipped from Sunny Slope beeswax.", "12.00", true));

    private DemoCatalog() {
    }

    /** The four producers, in a fixed order. */
    public static List<Producer> producers() {
        return PRODUCERS;
    }

    /** The twelve registrations, in a fixed order, each with its own product id; immutable. */
    public static List<RegisterProduct> products() {
        return PRODUCTS;
    }

    private static Producer producer(String key, String name) {
        return new Producer(ProducerId.of(uuid("producer:" + key)), name);
    }

    private static RegisterProduct product(Producer producer, String key, String name, String description,
                                           String price, boolean available) {
        return new RegisterProduct(ProductId.of(uuid("product:" + key)), producer.id(), producer.name(), name,
                description, Money.of(price, "EUR"), available, REGISTERED_AT);
    }

    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("ordo-demo-catalog:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
