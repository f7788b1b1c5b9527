package com.contactsynchub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.contactsynchub.contract.CommonField;

class FieldValuesTest {

    @Test
    void codeValuesAreTrimmedAndUpperCased() {
        assertThat(FieldValues.normalize(CommonField.COUNTRY_REGION_CODE, "  gb ")).isEqualTo("GB");
        assertThat(FieldValues.normalize(CommonField.SEARCH_NAME, "fabrikam straße")).isEqualTo("FABRIKAM STRAßE");
    }

    @Test
    void textValuesAreKeptAsTypedAndBlankEqualsAbsent() {
        assertThat(FieldValues.normalize(CommonField.NAME, " Fabrikam ")).isEqualTo(" Fabrikam ");
        assertThat(FieldValues.normalize(CommonField.NAME, null)).isEmpty();
    }
}
