package dev.ordo.marketplace.shipping;

import dev.ordo.marketplace.shared.Address;
import java.util.Locale;
import java.util.UUID;

/**
 * Which carrier takes a parcel and the tracking number it gets: both follow from the shipment alone (the country
 * picks the carrier, the shipment id the number), so booking the same shipment twice gives the same answer. Pure.
 */
public final class Carriers {

    private Carriers() {
    }

    /** DHL for Germany and Austria, La Poste for France, DPD elsewhere in Europe by default, UPS otherwise. */
    public static String carrierFor(Address address) {
        String country = address.country() == null ? "" : address.country().strip().toUpperCase(Locale.ROOT);
        return switch (country) {
            case "DE", "AT", "GERMANY", "AUSTRIA" -> "DHL";
            case "FR", "FRANCE" -> "La Poste";
            case "US", "USA", "CA" -> "UPS";
            default -> "DPD";
        };
    }

    /** A tracking number like {@code DHL-4F1C9A20B7}, from the carrier and the shipment id. */
    public static String trackingNumber(String carrier, UUID shipmentId) {
        String prefix = carrier.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        String digits = Long.toHexString(shipmentId.getMostSignificantBits() ^ shipmentId.getLeastSignificantBits())
                .toUpperCase(Locale.ROOT);
        return prefix + "-" + ("0000000000" + digits).substring(digits.length());
    }
}
