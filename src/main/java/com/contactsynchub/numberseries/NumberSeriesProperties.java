package com.contactsynchub.numberseries;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.number-series.<code>.*}: number series the hub creates at start when they do not exist yet. An
 * existing series is never changed from here: its last no. used is the live counter.
 */
@ConfigurationProperties("hub")
public record NumberSeriesProperties(Map<String, NumberSeriesInput> numberSeries) {

    public Map<String, NumberSeriesInput> numberSeries() {
        return numberSeries == null ? Map.of() : numberSeries;
    }
}
