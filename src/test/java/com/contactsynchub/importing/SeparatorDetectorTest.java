package com.contactsynchub.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeparatorDetectorTest {

    @Test
    void theSeparatorIsTheOneUsedMostOutsideQuotes() {
        assertThat(SeparatorDetector.detect("No.,Name,City")).isEqualTo(',');
        assertThat(SeparatorDetector.detect("No.;Name;City")).isEqualTo(';');
        assertThat(SeparatorDetector.detect("No.;\"Name, first\";\"City, State\"")).isEqualTo(';');
        assertThat(SeparatorDetector.detect("\"a;b;c\",Name")).isEqualTo(',');
        assertThat(SeparatorDetector.detect("No.\tName\tCity")).isEqualTo('\t');
        assertThat(SeparatorDetector.detect("No.")).isEqualTo(',');
    }
}
