package com.contactsynchub.coupling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class NormaliserTest {

    private static final Set<String> SUFFIXES = Set.of("INC", "LTD", "GMBH", "CO", "SA", "BV", "PLC", "LLC", "PTY",
            "AG");

    private static String company(String name) {
        return Normaliser.COMPANY_NAME.apply(name, SUFFIXES);
    }

    @Test
    void companyNamesIgnoreCasePunctuationAccentsAndLegalForms() {
        assertThat(company("Contoso, Ltd.")).isEqualTo("CONTOSO");
        assertThat(company("CONTOSO LTD")).isEqualTo("CONTOSO");
        assertThat(company("contoso")).isEqualTo("CONTOSO");
        assertThat(company("Müller & Söhne GmbH")).isEqualTo("MULLER AND SOHNE");
        assertThat(company("Mueller and Soehne")).isEqualTo("MUELLER AND SOEHNE"); // spelling variants are fuzzy's job
        assertThat(company("Fabrikam, Inc.")).isEqualTo("FABRIKAM");
        assertThat(company("Fabrikam Co. Ltd")).isEqualTo("FABRIKAM");
        assertThat(company("Adatum Pty Ltd")).isEqualTo("ADATUM");
        assertThat(company("Litware S.A.")).isEqualTo("LITWARE");
        assertThat(company("Litware S. A.")).isEqualTo("LITWARE");
        assertThat(company("Tailspin B.V.")).isEqualTo("TAILSPIN");
        assertThat(company("  Northwind   Traders  ")).isEqualTo("NORTHWIND TRADERS");
    }

    @Test
    void aLegalFormIsNeverTheWholeNameNorDroppedInTheMiddle() {
        assertThat(company("Ltd")).isEqualTo("LTD");
        assertThat(company("Co")).isEqualTo("CO");
        assertThat(company("AG Holding")).isEqualTo("AG HOLDING");
        assertThat(company("Incognito Ltd")).isEqualTo("INCOGNITO");
    }

    @Test
    void emailIgnoresCaseAndBlanks() {
        assertThat(Normaliser.CASE_AND_SPACES.apply(" Info@Contoso.COM ", SUFFIXES)).isEqualTo("info@contoso.com");
        assertThat(Normaliser.CASE_AND_SPACES.apply("info @contoso.com", SUFFIXES)).isEqualTo("info@contoso.com");
    }

    @Test
    void vatNumbersAndPostCodesKeepLettersAndDigitsOnly() {
        assertThat(Normaliser.ALPHANUMERIC.apply("DE 123.456-789", SUFFIXES)).isEqualTo("DE123456789");
        assertThat(Normaliser.ALPHANUMERIC.apply("de123456789", SUFFIXES)).isEqualTo("DE123456789");
        assertThat(Normaliser.ALPHANUMERIC.apply("SW1A 1AA", SUFFIXES)).isEqualTo("SW1A1AA");
    }

    @Test
    void blankValuesNeverMatch() {
        for (Normaliser n : Normaliser.values()) {
            assertThat(n.apply(null, SUFFIXES)).isEmpty();
            assertThat(n.apply("   ", SUFFIXES)).isEmpty();
        }
        assertThat(Normaliser.ALPHANUMERIC.apply(" - . ", SUFFIXES)).isEmpty();
        assertThat(Normaliser.EXACT.apply(" Ab ", SUFFIXES)).isEqualTo("Ab");
    }

    @Test
    void similarityIsOneMinusTheEditDistanceOverTheLongerLength() {
        assertThat(Similarity.of("CONTOSO", "CONTOSO")).isEqualTo(1.0);
        assertThat(Similarity.of("CONTOSO", "CONTOS0")).isCloseTo(6.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Similarity.distance("KITTEN", "SITTING")).isEqualTo(3);
        assertThat(Similarity.of("", "")).isZero();
        assertThat(Similarity.upperBound("AB", "ABCD")).isEqualTo(0.5);
    }
}
