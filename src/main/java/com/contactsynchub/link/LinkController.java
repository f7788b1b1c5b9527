package com.contactsynchub.link;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.api.NotFoundException;

/** Read-only view of the links; links are made by the hub's flows (creating them by request comes later). */
@RestController
class LinkController {

    private final LinkRegistry registry;

    LinkController(LinkRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "Search links (contact business relations)")
    @GetMapping("/api/links")
    LinkPage search(@RequestParam(required = false) String contactNo,
            @RequestParam(required = false) String linkType,
            @RequestParam(required = false) String recordNo,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        LinkType type = linkType == null || linkType.isBlank() ? null : linkType(linkType);
        return registry.search(new LinkSearch(contactNo, type, recordNo), page, size);
    }

    @Operation(summary = "The link of one customer, vendor or bank account")
    @GetMapping("/api/links/{linkType}/{recordNo}")
    Link byRecord(@PathVariable String linkType, @PathVariable String recordNo) {
        LinkType type = linkType(linkType);
        return registry.findByRecord(type, recordNo).orElseThrow(() -> new NotFoundException(
                type.caption() + " " + recordNo + " is not linked to a contact."));
    }

    /** The contact's relations: for a person with a company, the company's links (docs/domain.md). */
    @Operation(summary = "A contact's links (a person's are its company's)")
    @GetMapping("/api/contacts/{contactNo}/links")
    List<Link> byContact(@PathVariable String contactNo) {
        return registry.relationsOf(contactNo);
    }

    private static LinkType linkType(String value) {
        return LinkType.fromWireName(value).orElseThrow(() -> new InvalidRequestException(
                "linkType: " + value + " is not one of customer, vendor, bankAccount"));
    }
}
