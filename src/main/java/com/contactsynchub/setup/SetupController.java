package com.contactsynchub.setup;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.contactsynchub.api.NotFoundException;

/** The hub's Marketing Setup: read and replace it whole, or work on one customer or vendor template. */
@RestController
@RequestMapping("/api/setup")
class SetupController {

    private final SetupService setup;

    SetupController(SetupService setup) {
        this.setup = setup;
    }

    @Operation(summary = "The whole Marketing Setup")
    @GetMapping
    MarketingSetup get() {
        return setup.current();
    }

    @Operation(summary = "Replace the whole Marketing Setup")
    @PutMapping
    MarketingSetup put(@RequestBody MarketingSetup input) {
        return setup.replace(input);
    }

    @Operation(summary = "One customer or vendor template")
    @GetMapping("/{kind}-templates/{code}")
    RecordTemplate getTemplate(@PathVariable String kind, @PathVariable String code) {
        TemplateKind templateKind = kind(kind);
        return setup.template(templateKind, code).orElseThrow(() -> missing(templateKind, code));
    }

    @Operation(summary = "Create or change a customer or vendor template")
    @PutMapping("/{kind}-templates/{code}")
    ResponseEntity<RecordTemplate> putTemplate(@PathVariable String kind, @PathVariable String code,
            @RequestBody RecordTemplate input) {
        TemplateKind templateKind = kind(kind);
        boolean created = setup.putTemplate(templateKind, code, input);
        RecordTemplate stored = setup.template(templateKind, code).orElseThrow(() -> missing(templateKind, code));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(stored);
    }

    @Operation(summary = "Delete a customer or vendor template")
    @DeleteMapping("/{kind}-templates/{code}")
    ResponseEntity<Void> deleteTemplate(@PathVariable String kind, @PathVariable String code) {
        TemplateKind templateKind = kind(kind);
        if (!setup.deleteTemplate(templateKind, code)) {
            throw missing(templateKind, code);
        }
        return ResponseEntity.noContent().build();
    }

    private static TemplateKind kind(String kind) {
        return switch (kind) {
            case "customer" -> TemplateKind.CUSTOMER;
            case "vendor" -> TemplateKind.VENDOR;
            default -> throw new NotFoundException("There are no " + kind + " templates; use customer-templates or "
                    + "vendor-templates.");
        };
    }

    private static NotFoundException missing(TemplateKind kind, String code) {
        String normalised = SetupValidator.normaliseCode(code);
        return new NotFoundException("The " + kind.wireName() + " template " + normalised + " does not exist.");
    }
}
