package com.contactsynchub.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.importing.ColumnMapping.Column;
import com.contactsynchub.importing.ColumnMapping.Target;

class HeaderMatcherTest {

    @Test
    void businessCentralCaptionsAndFieldNamesMeanTheSameRegardlessOfCaseSpacesAndPunctuation() {
        ColumnMapping mapping = HeaderMatcher.match(List.of("No.", "Name", "phone no", "E-Mail", "POST CODE",
                "Country/Region Code", "VAT Registration No.", "Salesperson Code", "Registration No.", "Name 2",
                " homePage "), RecordType.CUSTOMER);
        assertThat(mapping.columns()).extracting(Column::fieldName).containsExactly("no.", "name", "phoneNo", "email",
                "postCode", "countryRegionCode", "vatRegistrationNo", "salespersonCode", "registrationNumber",
                "name2", "homePage");
        assertThat(mapping.columns().get(2).field()).isEqualTo(CommonField.PHONE_NO);
        assertThat(mapping.ignored()).isEmpty();
    }

    @Test
    void theRecordNumberColumnMayBeNamedAfterTheKeyField() {
        assertThat(HeaderMatcher.match(List.of("customerNo", "name"), RecordType.CUSTOMER).columns().get(0).target())
                .isEqualTo(Target.RECORD_NO);
        assertThat(HeaderMatcher.match(List.of("Contact No.", "Type", "Company No.", "Privacy Blocked"),
                RecordType.CONTACT).columns()).extracting(Column::target)
                .containsExactly(Target.RECORD_NO, Target.CONTACT_TYPE, Target.COMPANY_NO, Target.PRIVACY_BLOCKED);
    }

    @Test
    void aBankAccountsBankAccountNoIsItsAccountNumberNotItsNo() {
        ColumnMapping mapping = HeaderMatcher.match(List.of("No.", "Name", "Bank Account No."), RecordType.BANK_ACCOUNT);
        assertThat(mapping.ignored()).extracting(Column::header).containsExactly("Bank Account No.");
        assertThatThrownBy(() -> HeaderMatcher.match(List.of("Bank Account No.", "Name"), RecordType.BANK_ACCOUNT))
                .hasMessage("no column holds the bankAccount no.: name it 'No.'");
    }

    @Test
    void fieldsARecordTypeDoesNotHaveAndUnknownColumnsAreIgnoredAndNamed() {
        ColumnMapping mapping = HeaderMatcher.match(List.of("No.", "Salesperson Code", "Balance (LCY)"),
                RecordType.VENDOR);
        assertThat(mapping.ignored()).extracting(Column::header).containsExactly("Salesperson Code", "Balance (LCY)");
        assertThat(mapping.describe()).isEqualTo("No. -> no.; ignored (not synchronised): 'Salesperson Code', "
                + "'Balance (LCY)'");
    }

    @Test
    void headersThatCannotBeImportedSayWhy() {
        assertThatThrownBy(() -> HeaderMatcher.match(List.of("Name", "City"), RecordType.CUSTOMER))
                .hasMessage("no column holds the customer no.: name it 'No.' or 'customerNo'");
        assertThatThrownBy(() -> HeaderMatcher.match(List.of("No.", "Phone No.", "phoneNo"), RecordType.CUSTOMER))
                .hasMessage("the columns 'Phone No.' and 'phoneNo' both mean phoneNo: keep one of them");
        assertThatThrownBy(() -> HeaderMatcher.match(List.of("a", "b"), RecordType.CUSTOMER))
                .hasMessageStartingWith("none of the columns is known ('a', 'b')");
        assertThatThrownBy(() -> HeaderMatcher.match(List.of(" "), RecordType.CUSTOMER))
                .hasMessageStartingWith("the first line is empty");
    }
}
