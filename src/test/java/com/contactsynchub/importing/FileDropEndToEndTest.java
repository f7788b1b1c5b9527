package com.contactsynchub.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.setup.SetupService;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;

/** Files dropped into the inbox folders of a whole hub, with the real broker and the reference systems. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.import.poll-delay=200", "hub.import.read-lock-min-age=1500", "hub.import.read-lock-check-interval=200",
        "hub.import.read-lock-timeout=3000"})
@ActiveProfiles({"test", "demo"})
class FileDropEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);


    @Autowired
    ImportProperties folders;
    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    LinkRegistry links;
    @Autowired
    KnownRecords known;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    SetupService setup;

    @Test
    void aSemicolonFileWithBomCaptionsQuotedLineBreaksAndBadRowsIsImportedRowByRow() throws Exception {
        String u = unique();
        String contactNo = "CT" + u;
        String linked = "CL" + u;
        crm.create(contactNo, "company", null, false, Map.of(CommonField.NAME, "Fabrikam"));
        erp.create(FinanceKind.CUSTOMER, linked, "company", Map.of(CommonField.NAME, "Fabrikam"), Map.of());
        await().atMost(WAIT).until(() -> known.find(RecordType.CONTACT, contactNo).isPresent()
                && known.find(RecordType.CUSTOMER, linked).isPresent());
        links.link(contactNo, LinkType.CUSTOMER, linked);

        String csv = "No.;Name;Phone No.;E-Mail;Post Code;Country/Region Code;Balance (LCY)\r\n"
                + linked + ";Fabrikam;+1 404 555 0100;info@fabrikam.example;30301;us;12,50\r\n"
                + "CN" + u + ";\"Contoso\nSouth\";;;;;0\r\n"
                + "CB" + u + ";Litware;+1 404 555 0100 555 0100 555 0100 0100;;;;0\r\n"
                + ";No number;;;;;0\r\n"
                + "CM" + u + ";too;few\r\n"
                + "\r\n"
                + "CO" + u + ";\"Adatum \"\"Corp\"\"\";;;;;0\r\n";
        Path file = drop(folders.erpCustomers(), "customers-" + u + ".csv", bom(csv));

        Path report = awaitReport(folders.erpCustomers(), "done", file.getFileName().toString());
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).contains("Separator: semicolon (;)");
        assertThat(lines).anyMatch(l -> l.startsWith("Columns: No. -> no., Name -> name, Phone No. -> phoneNo, "
                + "E-Mail -> email, Post Code -> postCode, Country/Region Code -> countryRegionCode; ignored "
                + "(not synchronised): 'Balance (LCY)'"));
        // Rows as a spreadsheet shows them: the line break inside row 3's name moves the file lines of the rows
        // after it, and the report gives those too.
        assertThat(lines).anyMatch(l -> l.startsWith("row 2 | " + linked + " | updated | linked: pushed ")
                && l.contains("phoneNo") && l.contains("to contact:" + contactNo));
        assertThat(lines).contains("row 3 | CN" + u + " | not linked | not linked: no contact created "
                + "(customer.created recorded) (note: 'Name' (name): line break replaced by a space)");
        assertThat(lines).contains("row 4 (file line 5) | CB" + u + " | error | 'Phone No.' (phoneNo): 38 characters, "
                + "the limit is 30");
        assertThat(lines).contains("row 5 (file line 6) | - | error | 'No.' (no.): is missing");
        assertThat(lines).contains("row 6 (file line 7) | CM" + u + " | error | malformed row: 3 value(s), the header "
                + "has 7 column(s)");
        assertThat(lines).contains("row 7 (file line 8) | - | skipped | empty row");
        assertThat(lines).contains("row 8 (file line 9) | CO" + u + " | not linked | not linked: no contact created "
                + "(customer.created recorded)");
        assertThat(lines).contains("Totals: 7 row(s): 0 created, 1 updated, 0 unchanged, 2 not linked, 1 skipped, "
                + "3 error");
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(report.resolveSibling(file.getFileName()))).isTrue();

        // The good rows really went through the intake and sync: the linked contact has the new values.
        await().atMost(WAIT).until(() -> "+1 404 555 0100".equals(crm.find(contactNo).orElseThrow().fields()
                .get(CommonField.PHONE_NO)));
        assertThat(crm.find(contactNo).orElseThrow().fields().get(CommonField.COUNTRY_REGION_CODE)).isEqualTo("US");
        assertThat(known.find(RecordType.CUSTOMER, "CN" + u).orElseThrow().fields().get("name").asText())
                .isEqualTo("Contoso South");

        // The progress API shows the finished import.
        Map<?, ?>[] imports = http.getForObject("/api/imports", Map[].class);
        Map<?, ?> mine = List.of(imports).stream().filter(i -> i.get("fileName").equals(file.getFileName().toString()))
                .findFirst().orElseThrow();
        assertThat(mine.get("state")).isEqualTo("done");
        assertThat(mine.get("rowsTotal")).isEqualTo(7);
        assertThat(mine.get("rowsDone")).isEqualTo(7);
        Map<?, ?> one = http.getForObject("/api/imports/" + mine.get("importId"), Map.class);
        assertThat(one.get("summary")).isEqualTo("7 row(s): 0 created, 1 updated, 0 unchanged, 2 not linked, "
                + "1 skipped, 3 error");

        // The same content under another name is recognised and not applied again.
        long applied = messagesOf(mine.get("contentSha256").toString());
        assertThat(applied).isEqualTo(3); // the three good rows; bad and empty rows are not applied
        Path again = drop(folders.erpCustomers(), "copy-of-customers-" + u + ".csv", bom(csv));
        Path againReport = awaitReport(folders.erpCustomers(), "done", again.getFileName().toString(),
                ".same-as-" + file.getFileName() + ".report.txt");
        assertThat(Files.readString(againReport)).contains("Already imported: the same content was imported on ")
                .contains(" as " + file.getFileName() + "; nothing applied.");
        assertThat(messagesOf(mine.get("contentSha256").toString())).isEqualTo(applied);
    }

    @Test
    void aCommaFileWithoutBomOfContactsUsesFieldNamesAsHeaders() throws Exception {
        String u = unique();
        String csv = "contactNo,type,name,city,email\nCP" + u + ",Person,Ann Smith,Atlanta,ann@example.com\n"
                + "CQ" + u + ",company,\"Smith, Inc.\",Atlanta,\n";
        Path file = drop(folders.crmContacts(), "contacts-" + u + ".csv", csv.getBytes(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(awaitReport(folders.crmContacts(), "done",
                file.getFileName().toString()));
        assertThat(lines).contains("Separator: comma (,)");
        assertThat(lines).anyMatch(l -> l.startsWith("row 2 | CP" + u + " | "));
        assertThat(known.find(RecordType.CONTACT, "CP" + u).orElseThrow().contactType()).isEqualTo("person");
        assertThat(known.find(RecordType.CONTACT, "CQ" + u).orElseThrow().fields().get("name").asText())
                .isEqualTo("Smith, Inc.");
    }

    @Test
    void anEmptyFileAndABinaryFileGoToErrorWithTheReason() throws Exception {
        String u = unique();
        Path empty = drop(folders.erpVendors(), "empty-" + u + ".csv", new byte[0]);
        Path binary = drop(folders.erpVendors(), "vendors-" + u + ".csv",
                new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, (byte) 0x9c, (byte) 0xe4});
        assertThat(Files.readString(awaitReport(folders.erpVendors(), "error", empty.getFileName().toString())))
                .contains("Refused: the file is empty (0 bytes)").contains("Nothing of this file was applied.");
        assertThat(Files.readString(awaitReport(folders.erpVendors(), "error", binary.getFileName().toString())))
                .contains("Refused: the file is not UTF-8 text");
        assertThat(Files.exists(folders.erpVendors().resolve("error").resolve(binary.getFileName()))).isTrue();
    }

    @Test
    void aDryRunReportsTheSameAndChangesNothing() throws Exception {
        String u = unique();
        String csv = "No.,Name,Phone No.\nVD" + u + ",Northwind,+1 555\nVE" + u + ",Bad,"
                + "x".repeat(31) + "\n";
        Path file = drop(folders.erpVendors(), "vendors-" + u + ".dryrun.csv", csv.getBytes(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(awaitReport(folders.erpVendors(), "done",
                file.getFileName().toString()));
        assertThat(lines).anyMatch(l -> l.startsWith("DRY RUN"));
        assertThat(lines).contains("row 2 | VD" + u + " | created | dry run: new record: would go in as "
                + "vendor.created (no link yet: a contact would be requested)");
        assertThat(lines).contains("row 3 | VE" + u + " | error | 'Phone No.' (phoneNo): 31 characters, the limit is 30");
        assertThat(known.find(RecordType.VENDOR, "VD" + u)).isEmpty();
    }

    @Test
    void aFileBeingWrittenSlowlyIsImportedOnlyOnceComplete() throws Exception {
        String u = unique();
        Path file = folders.crmContacts().resolve("slow-" + u + ".csv");
        Files.createDirectories(folders.crmContacts());
        int rows = 12;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            out.write("No.,Type,Name\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (int i = 0; i < rows; i++) {
                Thread.sleep(400); // a slow writer: the file never stays unchanged for the read lock's minimum age
                out.write(("CS" + u + i + ",company,Slow " + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(importsOf(file.getFileName().toString())).isZero();
            }
        }
        List<String> lines = Files.readAllLines(awaitReport(folders.crmContacts(), "done",
                file.getFileName().toString()));
        assertThat(lines).contains("Totals: " + rows + " row(s): " + rows + " created, 0 updated, 0 unchanged, "
                + "0 not linked, 0 skipped, 0 error");
        assertThat(importsOf(file.getFileName().toString())).isEqualTo(1);
    }

    @Test
    void jsonLinesCarryEventsExactlyAsOnTheQueue() throws Exception {
        String u = unique();
        String jsonl = "{\"messageId\":\"m-" + u + "-1\",\"type\":\"bankAccount.changed\",\"occurredAt\":"
                + "\"2026-01-05T10:00:00Z\",\"source\":\"erp\",\"bankAccountNo\":\"BA" + u + "\",\"fields\":{\"name\":\"Main account\"}}\n"
                + "{\"messageId\":\"m-" + u + "-2\",\"type\":\"customer.changed\",\"occurredAt\":"
                + "\"2026-01-05T10:00:00Z\",\"source\":\"erp\",\"customerNo\":\"C1\",\"fields\":{}}\n"
                + "not json\n";
        Path file = drop(folders.erpBankAccounts(), "bank-" + u + ".jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(awaitReport(folders.erpBankAccounts(), "done",
                file.getFileName().toString()));
        assertThat(lines).anyMatch(l -> l.startsWith("line 1 | BA" + u + " | not linked | "));
        assertThat(lines).contains("line 2 | C1 | error | type: 'customer.changed' does not belong in "
                + "erp/bank-accounts (only bankAccount events)");
        assertThat(lines).anyMatch(l -> l.startsWith("line 3 | - | error | the message is not valid JSON"));
        assertThat(known.find(RecordType.BANK_ACCOUNT, "BA" + u)).isPresent();
    }

    /** BC's "Create Conts. from Customers": a finance export gives every unlinked record a contact, once. */
    @Test
    void aVendorExportCreatesAContactAndLinkForEveryUnlinkedVendorOnlyOnce() throws Exception {
        String u = unique();
        MarketingSetup before = setup.current();
        setup.replace(new MarketingSetup(before.busRelCodeForCustomers(), before.busRelCodeForVendors(),
                before.busRelCodeForBankAccounts(), "CONT", before.customerNos(), before.vendorNos(),
                before.bankAccountNos(), before.customerTemplates(), before.vendorTemplates(),
                before.interactionTemplates(), before.conflictPolicy(), null));
        try {
            String csv = "No.,Name,City,Phone No.\n"
                    + "VA" + u + ",Litware Inc.,Redmond,+1 425 555 0100\n"
                    + "VB" + u + ",Northwind Traders,Seattle,+1 206 555 0100\n";
            Path file = drop(folders.erpVendors(), "vendors-" + u + ".csv", csv.getBytes(StandardCharsets.UTF_8));
            List<String> lines = Files.readAllLines(awaitReport(folders.erpVendors(), "done",
                    file.getFileName().toString()));
            assertThat(lines).anyMatch(l -> l.startsWith("row 2 | VA" + u + " | created | new record: contact CT"));
            assertThat(lines).anyMatch(l -> l.startsWith("row 3 | VB" + u + " | created | new record: contact CT"));

            // The contact system gets the contacts, the links become active once it acknowledged them.
            for (String vendorNo : List.of("VA" + u, "VB" + u)) {
                await().atMost(WAIT).until(() -> links.findByRecord(LinkType.VENDOR, vendorNo)
                        .filter(l -> l.status() == LinkStatus.ACTIVE).isPresent());
            }
            String contactNo = links.findByRecord(LinkType.VENDOR, "VA" + u).orElseThrow().contactNo();
            assertThat(crm.find(contactNo).orElseThrow().fields()).containsEntry(CommonField.NAME, "Litware Inc.")
                    .containsEntry(CommonField.CITY, "Redmond");
            assertThat(crm.find(contactNo).orElseThrow().contactType()).isEqualTo("company");

            // The next export of the same vendors pushes what changed and creates nothing again.
            String next = "No.,Name,City,Phone No.\n"
                    + "VA" + u + ",Litware Inc.,Redmond,+1 425 555 0199\n"
                    + "VB" + u + ",Northwind Traders,Seattle,+1 206 555 0100\n";
            Path second = drop(folders.erpVendors(), "vendors-next-" + u + ".csv",
                    next.getBytes(StandardCharsets.UTF_8));
            List<String> secondReport = Files.readAllLines(awaitReport(folders.erpVendors(), "done",
                    second.getFileName().toString()));
            assertThat(secondReport).anyMatch(l -> l.startsWith("row 2 | VA" + u + " | updated | linked: pushed ")
                    && l.contains("phoneNo") && l.contains("contact:" + contactNo));
            assertThat(secondReport).noneMatch(l -> l.contains("| created |"));
            await().atMost(WAIT).until(() -> "+1 425 555 0199".equals(
                    crm.find(contactNo).orElseThrow().fields().get(CommonField.PHONE_NO)));
        } finally {
            setup.replace(before);
        }
    }

    /**
     * The day-one load before match-based coupling: a file named {@code .no-auto-contacts.} records its new vendors
     * and makes no contact and no sync error, with Contact Nos. set; its dry run predicts the same.
     */
    @Test
    void aFileNamedNoAutoContactsRecordsNewVendorsWithoutMakingContacts() throws Exception {
        String u = unique();
        MarketingSetup before = setup.current();
        setup.replace(new MarketingSetup(before.busRelCodeForCustomers(), before.busRelCodeForVendors(),
                before.busRelCodeForBankAccounts(), "CONT", before.customerNos(), before.vendorNos(),
                before.bankAccountNos(), before.customerTemplates(), before.vendorTemplates(),
                before.interactionTemplates(), before.conflictPolicy(), null));
        try {
            String csv = "No.,Name,City\n" + "VN" + u + ",Proseware Inc.,Dublin\n";
            Path dry = drop(folders.erpVendors(), "vendors-" + u + ".no-auto-contacts.dryrun.csv",
                    csv.getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readAllLines(awaitReport(folders.erpVendors(), "done", dry.getFileName().toString())))
                    .anyMatch(l -> l.startsWith("row 2 | VN" + u + " | not linked | dry run: not linked: no contact"
                            + " would be created (file name: .no-auto-contacts.)"));

            Path file = drop(folders.erpVendors(), "vendors-" + u + "-2.no-auto-contacts.csv",
                    (csv + "VM" + u + ",Trey Research,Cork\n").getBytes(StandardCharsets.UTF_8));
            List<String> lines = Files.readAllLines(awaitReport(folders.erpVendors(), "done",
                    file.getFileName().toString()));

            assertThat(lines).anyMatch(l -> l.startsWith("Automatic contacts: none for this file"));
            assertThat(lines).anyMatch(l -> l.startsWith("row 2 | VN" + u + " | not linked | not linked: no contact"));
            assertThat(lines).anyMatch(l -> l.startsWith("row 3 | VM" + u + " | not linked | not linked: no contact"));
            assertThat(links.findByRecord(LinkType.VENDOR, "VN" + u)).isEmpty();
            assertThat(links.findByRecord(LinkType.VENDOR, "VM" + u)).isEmpty();
            assertThat(jdbc.queryForObject("""
                    select count(*) from journal where record_no in (:nos) and decision like 'auto-contact%'
                    """, new MapSqlParameterSource("nos", List.of("VN" + u, "VM" + u)), Long.class))
                    .as("no automatic contact asked for, failed or skipped: no sync error either").isZero();
            assertThat(jdbc.queryForObject("select count(*) from known_record where record_no in (:nos)",
                    new MapSqlParameterSource("nos", List.of("VN" + u, "VM" + u)), Long.class))
                    .as("both recorded for coupling").isEqualTo(2);
        } finally {
            setup.replace(before);
        }
    }

    /** Issue #12: a row is found where a spreadsheet shows it, and a malformed row still names its record. */
    @Test
    void rowsAreNumberedAsASpreadsheetShowsThemAndAMalformedRowNamesItsRecordNo() throws Exception {
        String u = unique();
        // Row 2 has two line breaks in quoted values (file lines 2-4); row 3 has an unquoted comma in its name
        // (one value too many); row 4 one value too few and no number; row 5 is fine.
        String csv = "No.,Name,Address\n"
                + "RA" + u + ",\"Alpine\nSki House\",\"1 Main St\nBuilding 2\"\n"
                + "RB" + u + ",Contoso, Inc.,2 Side St\n"
                + ",Nobody\n"
                + "RC" + u + ",Litware,3 High St\n";
        Path file = drop(folders.erpCustomers(), "rows-" + u + ".csv", csv.getBytes(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(awaitReport(folders.erpCustomers(), "done",
                file.getFileName().toString()));
        assertThat(lines).contains("Rows are numbered as a spreadsheet shows them (the header is row 1); where a "
                + "value with a line break moves the file line, it is given too.");
        assertThat(lines).anyMatch(l -> l.startsWith("row 2 | RA" + u + " | not linked | "));
        assertThat(lines).contains("row 3 (file line 5) | RB" + u + " | error | malformed row: 4 value(s), the header "
                + "has 3 column(s)");
        assertThat(lines).contains("row 4 (file line 6) | - | error | malformed row: 2 value(s), the header has 3 "
                + "column(s)");
        assertThat(lines).anyMatch(l -> l.startsWith("row 5 (file line 7) | RC" + u + " | not linked | "));
        assertThat(known.find(RecordType.CUSTOMER, "RB" + u)).as("a malformed row is not applied").isEmpty();
        assertThat(known.find(RecordType.CUSTOMER, "RC" + u)).isPresent();
    }

    /**
     * Issue #12: the report of a copy says what happened (nothing applied, the same content imported on a date as
     * another file), has no row totals, names the earlier report, and is named after both files; the console's
     * report page links to the earlier report.
     */
    @Test
    void aCopyOfImportedContentIsReportedAsWhatHappenedAndLinksTheEarlierReport() throws Exception {
        String u = unique();
        String csv = "No.,Name\nCY" + u + ",Adatum\nCZ" + u + ",Woodgrove\n";
        Path first = drop(folders.erpCustomers(), "export-" + u + ".csv", csv.getBytes(StandardCharsets.UTF_8));
        Path firstReport = awaitReport(folders.erpCustomers(), "done", first.getFileName().toString());
        Path copy = drop(folders.erpCustomers(), "export-" + u + " (2).csv", csv.getBytes(StandardCharsets.UTF_8));
        String suffix = ".same-as-export-" + u + ".csv.report.txt";
        Path copyReport = awaitReport(folders.erpCustomers(), "done", copy.getFileName().toString(), suffix);
        assertThat(firstReport.resolveSibling(copy.getFileName() + ".report.txt")).doesNotExist();

        Map<?, ?> earlier = importNamed(first.getFileName().toString());
        Map<?, ?> again = importNamed(copy.getFileName().toString());
        assertThat(again.get("state")).isEqualTo("already-imported");
        assertThat(again.get("earlierImportId")).isEqualTo(earlier.get("importId"));
        assertThat(again.get("reportFile").toString()).endsWith(copy.getFileName() + suffix);
        String summary = again.get("summary").toString();
        assertThat(summary).matches("already imported: the same content was imported on "
                + "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC as export-" + u + "\\.csv; nothing applied");

        List<String> lines = Files.readAllLines(copyReport);
        assertThat(lines).contains("Already imported: " + summary.substring("already imported: ".length()) + ".");
        assertThat(lines).contains("Earlier report: export-" + u + ".csv.report.txt (beside this one)");
        assertThat(lines).contains("In the console: /console/imports/" + earlier.get("importId") + "/report");
        assertThat(lines).anyMatch(l -> l.startsWith("Earlier import: " + earlier.get("importId")
                + " (erp/customers, done: 2 row(s): "));
        assertThat(lines).as("no row count nor totals: no row was read").noneMatch(l -> l.startsWith("Format:")
                || l.startsWith("Totals:"));
        assertThat(lines).contains("Result: already imported, nothing applied");

        String page = http.getForObject("/console/imports/" + again.get("importId") + "/report", String.class);
        assertThat(page).contains("/console/imports/" + earlier.get("importId") + "/report")
                .contains("The earlier import's report").contains("Already imported: the same content");
        assertThat(http.getForObject("/console/imports", String.class)).contains("earlier report");
    }

    /**
     * Issue #12: an empty cell clears the field of a linked record on the other side (the default), unless the
     * file asks that empty cells leave the field alone ({@code .empty-cells-keep.} in its name).
     */
    @Test
    void emptyCellsClearTheFieldOnTheOtherSideUnlessTheFileAsksToKeepIt() throws Exception {
        String u = unique();
        String contactNo = "CT" + u;
        String customerNo = "CE" + u;
        Map<CommonField, String> fields = Map.of(CommonField.NAME, "Fabrikam", CommonField.PHONE_NO,
                "+1 404 555 0100", CommonField.EMAIL, "old@fabrikam.example");
        crm.create(contactNo, "company", null, false, fields);
        erp.create(FinanceKind.CUSTOMER, customerNo, "company", fields, Map.of());
        await().atMost(WAIT).until(() -> known.find(RecordType.CONTACT, contactNo).isPresent()
                && known.find(RecordType.CUSTOMER, customerNo).isPresent());
        links.link(contactNo, LinkType.CUSTOMER, customerNo);

        // Kept: the empty Phone No. cell leaves the phone number alone; the e-mail, given, goes across.
        Path keep = drop(folders.erpCustomers(), "customers-" + u + ".empty-cells-keep.csv", ("No.,Name,Phone No.,"
                + "E-Mail\n" + customerNo + ",Fabrikam,,new@fabrikam.example\n").getBytes(StandardCharsets.UTF_8));
        List<String> kept = Files.readAllLines(awaitReport(folders.erpCustomers(), "done",
                keep.getFileName().toString()));
        assertThat(kept).contains("Empty cells: leave the field as it is (not sent) (file name: .empty-cells-keep.)");
        assertThat(kept).anyMatch(l -> l.startsWith("row 2 | " + customerNo + " | updated | linked: pushed ")
                && l.contains("email") && !l.contains("phoneNo"));
        await().atMost(WAIT).until(() -> "new@fabrikam.example".equals(crm.find(contactNo).orElseThrow().fields()
                .get(CommonField.EMAIL)));
        assertThat(crm.find(contactNo).orElseThrow().fields().get(CommonField.PHONE_NO)).isEqualTo("+1 404 555 0100");
        assertThat(known.find(RecordType.CUSTOMER, customerNo).orElseThrow().fields().get("phoneNo").asText())
                .isEqualTo("+1 404 555 0100");

        // Cleared (the default, hub.import.empty-cells=clear): the empty cell is sent as "" and clears the contact's.
        Path clear = drop(folders.erpCustomers(), "customers-" + u + ".csv", ("No.,Name,Phone No.\n" + customerNo
                + ",Fabrikam,\n").getBytes(StandardCharsets.UTF_8));
        List<String> cleared = Files.readAllLines(awaitReport(folders.erpCustomers(), "done",
                clear.getFileName().toString()));
        assertThat(cleared).contains("Empty cells: clear the field (sent as \"\") (hub.import.empty-cells=clear)");
        assertThat(cleared).anyMatch(l -> l.startsWith("row 2 | " + customerNo + " | updated | linked: pushed ")
                && l.contains("phoneNo"));
        await().atMost(WAIT).until(() -> {
            String phone = crm.find(contactNo).orElseThrow().fields().get(CommonField.PHONE_NO);
            return phone == null || phone.isEmpty();
        });
        assertThat(crm.find(contactNo).orElseThrow().fields().get(CommonField.EMAIL)).isEqualTo("new@fabrikam.example");
    }

    private Map<?, ?> importNamed(String fileName) {
        Map<?, ?>[] imports = http.getForObject("/api/imports", Map[].class);
        return List.of(imports).stream().filter(i -> i.get("fileName").equals(fileName)).findFirst().orElseThrow();
    }

    static byte[] bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    /** Writes the file under a hidden name and renames it, as a finished upload appears. */
    static Path drop(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name);
        Files.write(hidden, content);
        return Files.move(hidden, folder.resolve(name));
    }

    static Path awaitReport(Path folder, String outcome, String fileName) {
        return awaitReport(folder, outcome, fileName, ".report.txt");
    }

    /** @param suffix what the report's name adds to the file's: {@code .same-as-<earlier>.report.txt} for a copy */
    static Path awaitReport(Path folder, String outcome, String fileName, String suffix) {
        Path report = folder.resolve(outcome).resolve(fileName + suffix);
        await().atMost(WAIT).until(() -> Files.exists(report) && Files.exists(report.resolveSibling(fileName)));
        return report;
    }

    private long messagesOf(String sha) {
        return jdbc.queryForObject("select count(*) from inbound_message where message_id like :prefix",
                new MapSqlParameterSource("prefix", sha.substring(0, 16) + ":%"), Long.class);
    }

    private long importsOf(String fileName) {
        return jdbc.queryForObject("select count(*) from file_import where file_name = :name",
                new MapSqlParameterSource("name", fileName), Long.class);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
