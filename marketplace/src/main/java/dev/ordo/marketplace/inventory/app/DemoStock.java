package dev.ordo.marketplace.inventory.app;

import dev.ordo.marketplace.catalog.DemoCatalog;
import dev.ordo.marketplace.catalog.RegisterProduct;
import dev.ordo.marketplace.inventory.AddStock;
import dev.ordo.marketplace.shared.ProductId;
import java.util.List;

/**
 * The stock seeded for the demo catalog: {@value #UNITS} units of every product, except the
 * {@linkplain #scarceProduct() oak cutting board}, of which there are only {@value #SCARCE_UNITS}, so that running
 * out of stock can be tried.
 */
public final class DemoStock {

    /** Units of each product. */
    public static final int UNITS = 100;
    /** Units of the scarce product. */
    public static final int SCARCE_UNITS = 3;

    private static final String SCARCE_NAME = "Oak Cutting Board";

    private DemoStock() {
    }

    /** The product with only {@value #SCARCE_UNITS} units. */
    public static ProductId scarceProduct() {
        return DemoCatalog.products().stream().filter(p -> p.name().equals(SCARCE_NAME)).findFirst()
                .map(RegisterProduct::productId).orElseThrow();
    }

    /** One {@link AddStock} per demo product, at the catalog's registration time. */
    public static List<AddStock> deliveries() {
        ProductId scarce = scarceProduct();
        return DemoCatalog.products().stream().map(p -> new AddStock(p.productId(),
                p.productId().equals(scarce) ? SCARCE_UNITS : UNITS, DemoCatalog.REGISTERED_AT)).toList();
    }
}
