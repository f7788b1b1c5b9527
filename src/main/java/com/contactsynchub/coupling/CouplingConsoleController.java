package com.contactsynchub.coupling;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coupling runs' table on the console's imports page (polled by it): kept in this package so that the console
 * needs no knowledge of coupling.
 */
@Controller
public class CouplingConsoleController {

    private final CouplingRuns runs;

    public CouplingConsoleController(CouplingRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/console/couplings/rows")
    String rows(Model model) {
        model.addAttribute("couplings", runs.latest(20).stream().map(run -> CouplingStatus.of(run,
                runs.categories(run.couplingId()), runs.outcomes(run.couplingId()))).toList());
        return "console/couplings :: rows";
    }
}
