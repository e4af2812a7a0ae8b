package dev.ordo.marketplace.ordering.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Quotes an order before it is placed (see {@link OrderQuotes}); writes nothing. */
@RestController
@RequestMapping("/orders")
@Tag(name = "orders")
class OrderQuoteController {

    private final OrderQuotes quotes;

    OrderQuoteController(OrderQuotes quotes) {
        this.quotes = quotes;
    }

    @PostMapping("/quote")
    @Operation(summary = "Quote an order", description = "Prices from the catalog and available units from the "
            + "inventory, asked in parallel; nothing is reserved. 422 for a product that cannot be ordered.")
    OrderQuote quote(@Valid @RequestBody OrderRequests.QuoteRequest body) {
        return quotes.quote(body.items());
    }
}
