package org.amamo.exchange.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public exchange: the instruments with reference price, price limits, status and next auction, the trading
 * calendar, and each instrument's order book depth by price level (no identities).
 */
@Controller
class ExchangePublicController {

    private final ExchangeQueries queries;

    ExchangePublicController(ExchangeQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/exchange")
    String index(Model model) {
        model.addAttribute("instruments", queries.instruments());
        model.addAttribute("calendar", queries.calendar());
        return "exchange/index";
    }

    @GetMapping("/exchange/instruments/{id}")
    String instrument(@PathVariable long id, Model model) {
        model.addAttribute(
                "instrument",
                queries.instrument(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("depth", queries.depth(id));
        model.addAttribute("calendar", queries.calendar());
        return "exchange/instrument";
    }
}
