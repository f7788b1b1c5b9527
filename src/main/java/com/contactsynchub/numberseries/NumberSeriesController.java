package com.contactsynchub.numberseries;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.api.NotFoundException;

/** Number series of the hub: list, read, create or change. Numbers are handed out only by {@link NumberAllocator}. */
@RestController
@RequestMapping("/api/number-series")
class NumberSeriesController {

    private final NumberSeriesRepository repository;

    NumberSeriesController(NumberSeriesRepository repository) {
        this.repository = repository;
    }

    @Operation(summary = "All number series")
    @GetMapping
    List<NumberSeries> list() {
        return repository.findAll();
    }

    @Operation(summary = "One number series")
    @GetMapping("/{code}")
    NumberSeries get(@PathVariable String code) {
        String normalized = NumberSeriesInput.code(code);
        return repository.find(normalized)
                .orElseThrow(() -> new NotFoundException("The number series " + normalized + " does not exist."));
    }

    @Operation(summary = "Create or change a number series")
    @PutMapping("/{code}")
    ResponseEntity<NumberSeries> put(@PathVariable String code, @RequestBody NumberSeriesInput input) {
        List<String> problems = input.problems(code);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String normalized = NumberSeriesInput.code(code);
        NumberSeries series = input.toSeries(code, repository.find(normalized).orElse(null));
        boolean created = repository.save(series);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(series);
    }
}
