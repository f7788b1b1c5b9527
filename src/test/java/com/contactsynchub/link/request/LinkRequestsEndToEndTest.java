package com.contactsynchub.link.request;

import com.contactsynchub.support.DemoEndToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.erp.FinanceKind;

/** link.requested and unlink.requested from the reference contact system, over the real broker (docs/domain.md 2). */
@DemoEndToEnd
class LinkRequestsEndToEndTest extends LinkingTestSupport {

    @Test
    void masterContactOverwritesTheCustomerOnceThenAllIsQuiet() {
        String contactNo = company("Fabrikam", Map.of(CommonField.CITY, "Atlanta", CommonField.PHONE_NO, "+1 404"));
        String customerNo = financeRecord(FinanceKind.CUSTOMER, "C",
                Map.of(CommonField.NAME, "Fabrikam Inc. (old)", CommonField.CITY, "Boston",
                        CommonField.PHONE_NO, "+1 404"));

        String id = request("link.requested", contactNo, "linkType", "customer", "recordNo", customerNo,
                "master", "contact");

        var answer = answer(id);
        assertThat(answer.status()).isEqualTo("completed");
        assertThat(answer.answer().path("linkType").asText()).isEqualTo("customer");
        assertThat(answer.answer().path("recordNo").asText()).isEqualTo(customerNo);
        assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo).orElseThrow().status())
                .isEqualTo(LinkStatus.ACTIVE);
        await().atMost(WAIT).until(() -> erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow().fields()
                .get(CommonField.CITY).equals("Atlanta"));
        assertThat(erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow().fields().get(CommonField.NAME))
                .isEqualTo("Fabrikam");
        awaitDecision("customer", customerNo, "echo-suppressed");
        assertThat(commands("customer:" + customerNo, "customer.update")).isEqualTo(1);
        assertThat(commands("contact:" + contactNo, "contact.update")).isZero();
        assertThat(crm.find(contactNo).orElseThrow().fields().get(CommonField.CITY)).isEqualTo("Atlanta");
        assertThat(decisions("contact", contactNo)).contains("link-created");

        // linked from now on: a later edit goes across once
        crm.change(contactNo, ContactChange.ofFields(Map.of(CommonField.PHONE_NO, "+1 404 555 0199")));
        await().atMost(WAIT).until(() -> "+1 404 555 0199".equals(
                erp.find(FinanceKind.CUSTOMER, customerNo).orElseThrow().fields().get(CommonField.PHONE_NO)));
        assertThat(commands("customer:" + customerNo, "customer.update")).isEqualTo(2);
    }

    @Test
    void masterVendorOverwritesTheContactOnce() {
        String contactNo = company("Litware (typo)", Map.of(CommonField.CITY, "Seattle"));
        String vendorNo = financeRecord(FinanceKind.VENDOR, "V",
                Map.of(CommonField.NAME, "Litware", CommonField.CITY, "Redmond"));

        String id = request("link.requested", contactNo, "linkType", "vendor", "recordNo", vendorNo,
                "master", "record");

        assertThat(answer(id).status()).isEqualTo("completed");
        await().atMost(WAIT).until(() -> "Redmond".equals(crm.find(contactNo).orElseThrow().fields()
                .get(CommonField.CITY)));
        assertThat(crm.find(contactNo).orElseThrow().fields().get(CommonField.NAME)).isEqualTo("Litware");
        awaitDecision("contact", contactNo, "echo-suppressed");
        assertThat(commands("contact:" + contactNo, "contact.update")).isEqualTo(1);
        assertThat(commands("vendor:" + vendorNo, "vendor.update")).isZero();
        assertThat(erp.find(FinanceKind.VENDOR, vendorNo).orElseThrow().fields().get(CommonField.NAME))
                .isEqualTo("Litware");
    }

    @Test
    void aBankAccountLinkedToAPersonIsLinkedToItsCompanyWithTheSameValuesNothingWritten() {
        String companyNo = company("Contoso", Map.of(CommonField.CITY, "Paris"));
        String personNo = person("Ann Contoso", companyNo, false);
        String bankNo = financeRecord(FinanceKind.BANK_ACCOUNT, "B",
                Map.of(CommonField.NAME, "Contoso", CommonField.CITY, "Paris"));

        String id = request("link.requested", personNo, "linkType", "bankAccount", "recordNo", bankNo,
                "master", "contact");

        var answer = answer(id);
        assertThat(answer.status()).isEqualTo("completed");
        assertThat(answer.answer().path("contactNo").asText()).isEqualTo(companyNo);
        assertThat(links.findByRecord(LinkType.BANK_ACCOUNT, bankNo).orElseThrow().contactNo()).isEqualTo(companyNo);
        assertThat(commands("bankAccount:" + bankNo, "bankAccount.update")).isZero();
        assertThat(commands("contact:" + companyNo, "contact.update")).isZero();

        // asking again is not an error and writes nothing
        String again = request("link.requested", companyNo, "linkType", "bankAccount", "recordNo", bankNo,
                "master", "contact");
        assertThat(answer(again).status()).isEqualTo("completed");
        assertThat(decisions("contact", companyNo)).contains("link-unchanged");
    }

    @Test
    void unlinkRemovesTheLinkAndUnlinkingAgainIsRefusedWithBcsMessage() {
        String contactNo = company("Tailspin", Map.of());
        String customerNo = financeRecord(FinanceKind.CUSTOMER, "C", Map.of(CommonField.NAME, "Tailspin"));
        assertThat(answer(request("link.requested", contactNo, "linkType", "customer", "recordNo", customerNo,
                "master", "contact")).status()).isEqualTo("completed");

        var unlinked = answer(request("unlink.requested", contactNo, "linkType", "customer"));

        assertThat(unlinked.status()).isEqualTo("completed");
        assertThat(unlinked.answer().path("recordNo").asText()).isEqualTo(customerNo);
        assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo)).isEmpty();
        assertThat(erp.find(FinanceKind.CUSTOMER, customerNo)).isPresent();
        assertThat(decisions("customer", customerNo)).contains("link-removed");
        assertThat(rejection(request("unlink.requested", contactNo, "linkType", "customer")))
                .isEqualTo("Contact " + contactNo + " Tailspin is not related to a customer.");
    }

    @Test
    void everyRefusalOfALinkIsAnsweredWithBcsMessage() {
        String contactNo = company("Adatum", Map.of());
        String customerNo = financeRecord(FinanceKind.CUSTOMER, "C", Map.of(CommonField.NAME, "Adatum"));
        String otherCustomerNo = financeRecord(FinanceKind.CUSTOMER, "C", Map.of(CommonField.NAME, "Other"));
        assertThat(answer(request("link.requested", contactNo, "linkType", "customer", "recordNo", customerNo,
                "master", "contact")).status()).isEqualTo("completed");

        // the contact already has a customer
        assertThat(rejection(request("link.requested", contactNo, "linkType", "customer", "recordNo",
                otherCustomerNo, "master", "contact")))
                .isEqualTo("Contact " + contactNo + " already has a Customer with No. " + customerNo + ".");
        // the customer already has a contact
        String otherContactNo = company("Other", Map.of());
        assertThat(rejection(request("link.requested", otherContactNo, "linkType", "customer", "recordNo",
                customerNo, "master", "record")))
                .isEqualTo("Customer " + customerNo + " already has a Contact with No. " + contactNo + ".");
        // a person's company is linked already
        String personNo = person("Bob Adatum", contactNo, false);
        assertThat(rejection(request("link.requested", personNo, "linkType", "customer", "recordNo",
                otherCustomerNo, "master", "contact")))
                .isEqualTo("Contact " + contactNo + " already has a Customer with No. " + customerNo + ".");
        // privacy blocked
        String blockedNo = "CT" + unique();
        crm.create(blockedNo, "company", null, true, Map.of(CommonField.NAME, "Hidden"));
        awaitKnown(RecordType.CONTACT, blockedNo);
        String vendorNo = financeRecord(FinanceKind.VENDOR, "V", Map.of(CommonField.NAME, "Hidden"));
        assertThat(rejection(request("link.requested", blockedNo, "linkType", "vendor", "recordNo", vendorNo,
                "master", "contact")))
                .isEqualTo("You cannot use contact " + blockedNo + " because they are marked as blocked due to privacy.");
        // a standalone person is no vendor or bank account
        String loneNo = person("Lone Person", null, false);
        String bankNo = financeRecord(FinanceKind.BANK_ACCOUNT, "B", Map.of(CommonField.NAME, "Lone"));
        assertThat(rejection(request("link.requested", loneNo, "linkType", "vendor", "recordNo", vendorNo,
                "master", "contact"))).isEqualTo("Company No. must have a value in Contact " + loneNo + ".");
        assertThat(rejection(request("link.requested", loneNo, "linkType", "bankAccount", "recordNo", bankNo,
                "master", "contact"))).isEqualTo("Company No. must have a value in Contact " + loneNo + ".");
        // the record does not exist
        assertThat(rejection(request("link.requested", otherContactNo, "linkType", "vendor", "recordNo",
                "V-NOWHERE", "master", "contact")))
                .isEqualTo("The Vendor does not exist. Identification fields and values: No.='V-NOWHERE'");
        // the link type is switched off
        withSetup(Map.of("busRelCodeForBankAccounts", ""), () -> assertThat(rejection(request("link.requested",
                otherContactNo, "linkType", "bankAccount", "recordNo", bankNo, "master", "contact")))
                .isEqualTo("Bus. Rel. Code for Bank Accounts must have a value in Marketing Setup."));

        assertThat(links.findByRecord(LinkType.VENDOR, vendorNo)).isEmpty();
        assertThat(links.findByRecord(LinkType.BANK_ACCOUNT, bankNo)).isEmpty();
        assertThat(links.findByRecord(LinkType.CUSTOMER, otherCustomerNo)).isEmpty();
        assertThat(decisions("contact", blockedNo)).contains("link-refused");
    }
}
