package com.contactsynchub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.importing.ImportProperties;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;
import com.contactsynchub.setup.ConflictPolicy;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupService;
import com.contactsynchub.support.ContactCreatedMessages;
import com.contactsynchub.sync.Conflicts;
import com.contactsynchub.sync.RecordRef;
import com.contactsynchub.sync.SyncTestConfiguration;
import com.contactsynchub.sync.SyncTestSupport;

/**
 * The operator console driven in a real browser (Debian's Chromium through its chromedriver) against a whole hub on
 * the embedded defaults (real Artemis, real H2) with the reference systems. Every wait is on a condition. The pages
 * are photographed (into target/console-screenshots, or docs/console/ for docs/console.md with
 * -Dconsole.screenshots=docs/console).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.import.poll-delay=200", "hub.import.read-lock-min-age=1000", "hub.import.read-lock-check-interval=200",
        "hub.import.read-lock-timeout=3000"})
@ActiveProfiles({"test", "demo"})
@Import(SyncTestConfiguration.class)
@AutoConfigureObservability // same configuration as ConsoleActionsTest: one Spring context for both
class ConsoleBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * target/console-screenshots, so that a test run leaves the repository's files alone; to refresh the pictures
     * in docs/console.md: {@code -Dconsole.screenshots=docs/console}.
     */
    static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    SyncTestSupport support;
    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    SetupService setup;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    QueueNames queues;
    @Autowired
    Conflicts conflicts;
    @Autowired
    JmsTemplate jms;
    @Autowired
    KnownRecords known;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    ImportProperties folders;
    @Autowired
    LinkRegistry links;

    @BeforeAll
    static void startBrowser() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorResolvesParkedConflictsWithOneClickOrATypedValue() throws Exception {
        MarketingSetup original = setup.current();
        String crmPhone = "+1 404 555 0101";
        String erpPhone = "+1 404 555 0202";
        String typedEmail = "Typed@Example.com";
        Queue held = brokerQueue(queues.erpCommands());
        try {
            setup.replace(withPolicy(original, ConflictPolicy.MANUAL));
            SyncTestSupport.Group group = support.linkedGroup(true, false, false);
            RecordRef customer = new RecordRef(RecordType.CUSTOMER, group.customerNo());
            // Both sides edit the phone and the e-mail before either saw the other's edit: the contact's update is
            // held back at the finance system while the customer is edited. Two conflicts, one per field.
            held.pause();
            int before = support.commandsTo(customer);
            crm.change(group.contactNo(), ContactChange.ofFields(Map.of(CommonField.PHONE_NO, crmPhone,
                    CommonField.EMAIL, "crm@example.com")));
            await().atMost(WAIT).until(() -> support.commandsTo(customer) > before);
            erp.change(FinanceKind.CUSTOMER, group.customerNo(), Map.of(CommonField.PHONE_NO, erpPhone,
                    CommonField.EMAIL, "erp@example.com"), Map.of(), null);
            await().atMost(WAIT).until(() -> parkedOf(group.contactNo()).size() == 2);
            held.resume();
            support.awaitQuiet();
            Conflicts.StoredConflict phone = parkedOf(group.contactNo(), "phoneNo");
            Conflicts.StoredConflict email = parkedOf(group.contactNo(), "email");
            assertThat(phone.editedOn()).isEqualTo("customer:" + group.customerNo());
            assertThat(phone.editedValue()).isEqualTo(erpPhone);

            open("/");
            assertThat(Long.parseLong(text(By.id("parked-conflicts")))).isGreaterThanOrEqualTo(2);
            screenshot("overview");

            open("/console/conflicts");
            WebElement row = waitFor(By.id("conflict-" + phone.id()));
            assertThat(row.findElement(By.className("edited-value")).getText()).isEqualTo(erpPhone);
            assertThat(row.findElement(By.className("other-value")).getText()).isEqualTo(crmPhone);
            screenshot("conflicts");
            row.findElement(By.className("take-edited")).click();

            assertThat(waitFor(By.id("notice")).getText())
                    .contains("Conflict " + phone.id() + " resolved with '" + erpPhone + "'");
            assertThat(browser.findElements(By.id("conflict-" + phone.id()))).isEmpty();
            assertThat(browser.findElement(By.id("resolved-" + phone.id()))
                    .findElement(By.className("resolved-value")).getText()).isEqualTo(erpPhone);

            // The other one with a value of the operator's own.
            WebElement emailRow = browser.findElement(By.id("conflict-" + email.id()));
            emailRow.findElement(By.className("typed-value")).sendKeys(typedEmail);
            emailRow.findElement(By.className("take-typed")).click();
            assertThat(waitFor(By.id("notice")).getText())
                    .contains("Conflict " + email.id() + " resolved with '" + typedEmail + "'");
            assertThat(browser.findElements(By.cssSelector("#parked tr[id^='conflict-']"))).isEmpty();

            // Through the hub's resolution path: stored, journalled, and written to both systems.
            Conflicts.StoredConflict stored = conflicts.find(phone.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo("resolved");
            assertThat(stored.resolvedBy()).isEqualTo("operator anonymous");
            assertThat(conflicts.find(email.id()).orElseThrow().resolvedValue()).isEqualTo(typedEmail);
            assertThat(support.decisions(customer)).contains("conflict-resolved");
            await().atMost(WAIT).until(() -> erpPhone.equals(support.valuesIn(group.contact()).get(CommonField.PHONE_NO))
                    && erpPhone.equals(support.valuesIn(customer).get(CommonField.PHONE_NO))
                    && typedEmail.equals(support.valuesIn(group.contact()).get(CommonField.EMAIL))
                    && typedEmail.equals(support.valuesIn(customer).get(CommonField.EMAIL)));
        } finally {
            held.resume();
            setup.replace(original);
        }
    }

    @Test
    void aRefusedMessageIsCorrectedInTheBrowserAndReplayed() {
        String contactNo = SyncTestSupport.unique("CT");
        String messageId = UUID.randomUUID().toString();
        // The overview, left open, shows the refused message arrive on hub.invalid by itself.
        open("/");
        ((JavascriptExecutor) browser).executeScript("window.consoleTestMarker = 'same page';");
        By invalidDepth = By.cssSelector("#queues tr[data-queue='" + queues.invalid() + "'] .depth");
        long before = Long.parseLong(text(invalidDepth));
        jms.convertAndSend(queues.crmEvents(), ContactCreatedMessages.nameTooLong(messageId, contactNo));
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> Long.parseLong(d.findElement(invalidDepth).getText()) > before);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.consoleTestMarker;"))
                .isEqualTo("same page");

        open("/console/messages?queue=" + queues.invalid());
        WebElement row = await().atMost(WAIT).until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("#messages tr[data-id]")).stream()
                    .filter(r -> r.getText().contains(contactNo)).findFirst().orElse(null);
        }, r -> r != null);
        assertThat(row.findElement(By.className("reason")).getText())
                .isEqualTo("fields.name: 101 characters, the limit is 100");
        screenshot("refused-messages");
        row.findElement(By.className("open")).click();

        waitFor(By.id("edit-body"));
        assertThat(text(By.id("reason"))).isEqualTo("fields.name: 101 characters, the limit is 100");
        String refused = ContactCreatedMessages.nameTooLong(messageId, contactNo);
        // A correction that is still too long is refused by the same check, and nothing is sent.
        setValue(By.id("edit-body"), refused.replace("N".repeat(101), "M".repeat(102)));
        browser.findElement(By.id("edit-replay")).click();
        assertThat(waitFor(By.id("still-invalid")).getText())
                .contains("fields.name: 102 characters, the limit is 100");
        assertThat(known.find(RecordType.CONTACT, contactNo)).isEmpty();

        setValue(By.id("edit-body"), refused.replace("N".repeat(101), "Northwind Traders"));
        screenshot("refused-message-edit");
        browser.findElement(By.id("edit-replay")).click();
        assertThat(waitFor(By.id("notice")).getText()).contains("corrected and replayed");

        // The corrected message went through the intake: the hub knows the contact with the corrected name.
        await().atMost(WAIT).until(() -> known.find(RecordType.CONTACT, contactNo).isPresent());
        assertThat(known.find(RecordType.CONTACT, contactNo).orElseThrow().fields().get("name").asText())
                .isEqualTo("Northwind Traders");
        open("/console/messages?queue=" + queues.invalid());
        assertThat(browser.findElement(By.id("messages")).getText()).doesNotContain(contactNo);
        assertThat(support.decisions(new RecordRef(RecordType.CONTACT, contactNo))).contains("message-corrected");
        // The refused original is kept.
        assertThat(jdbc.queryForObject("""
                select body from console_message_action where action = 'edited-replayed' and body like :like
                """, new MapSqlParameterSource("like", "%" + contactNo + "%"), String.class)).isEqualTo(refused);
    }

    @Test
    void anImportsProgressBarReachesOneHundredPercentWithoutReloadingThePage() throws Exception {
        open("/console/imports");
        ((JavascriptExecutor) browser).executeScript("window.consoleTestMarker = 'same page';");
        String u = SyncTestSupport.unique("");
        StringBuilder csv = new StringBuilder("No.;Name;City\r\n");
        int rows = 300;
        for (int i = 0; i < rows; i++) {
            csv.append("CI").append(u).append(i).append(";Imported ").append(i).append(";Atlanta\r\n");
        }
        String name = "customers-" + u + ".csv";
        Files.createDirectories(folders.erpCustomers());
        Path hidden = folders.erpCustomers().resolve("." + name);
        Files.writeString(hidden, csv, StandardCharsets.UTF_8);
        Files.move(hidden, folders.erpCustomers().resolve(name), StandardCopyOption.ATOMIC_MOVE);

        By row = By.cssSelector("tr.import[data-file='" + name + "']");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(row));
        // The table is swapped every second: an element read during a swap is stale, and read again.
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement r = d.findElement(row);
            return "done".equals(r.findElement(By.className("state")).getText())
                    && "100 %".equals(r.findElement(By.className("percent")).getText());
        });
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement r = d.findElement(row);
            return r.findElement(By.cssSelector(".bar > span")).getAttribute("style").contains("width: 100%")
                    && r.getText().contains(rows + " / " + rows);
        });
        // The row appeared and filled up by the page's own polling, not by a reload.
        assertThat(((JavascriptExecutor) browser).executeScript("return window.consoleTestMarker;"))
                .isEqualTo("same page");
        screenshot("imports");

        // A click on an element swapped out meanwhile fails before it clicks: then it is found again.
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(row).findElement(By.className("report")).click();
            return true;
        });
        assertThat(waitFor(By.id("report")).getText()).contains("row 2 | CI" + u + "0 | ");
    }

    @Test
    void aRecordsTimelineLeadsToTheCommandItCausedAndOnToItsTarget() {
        SyncTestSupport.Group group = support.linkedGroup(true, false, false);
        RecordRef customer = new RecordRef(RecordType.CUSTOMER, group.customerNo());
        int before = support.commandsTo(customer);
        String phone = "+1 404 555 0303";
        crm.change(group.contactNo(), ContactChange.ofFields(Map.of(CommonField.PHONE_NO, phone)));
        await().atMost(WAIT).until(() -> support.commandsTo(customer) > before);
        support.awaitQuiet();

        open("/console/links?contactNo=" + group.contactNo());
        browser.findElement(By.linkText(group.contactNo())).click();
        WebElement pushed = new WebDriverWait(browser, WAIT).until(d -> d.findElements(
                By.cssSelector("#timeline .entry[data-decision='pushed']")).stream().findFirst().orElse(null));
        assertThat(pushed.getText()).contains(phone);
        screenshot("record-timeline");
        WebElement command = pushed.findElement(By.className("command"));
        assertThat(command.getText()).isEqualTo("customer.update to customer:" + group.customerNo());
        command.click();

        assertThat(waitFor(By.id("command-type")).getText()).isEqualTo("customer.update");
        assertThat(text(By.id("command-payload"))).contains(phone);
        await().atMost(WAIT).until(() -> {
            browser.navigate().refresh();
            return text(By.id("command-sent")).equals("handed to the broker");
        });
        screenshot("command");
        browser.findElement(By.id("command-target")).click();
        assertThat(waitFor(By.id("record-no")).getText()).isEqualTo(group.customerNo());
        assertThat(browser.findElements(By.cssSelector("#timeline .entry[data-decision='update-sent']"))).isNotEmpty();
    }

    @Test
    void aSyncErrorIsRetriedOnceTheSetupIsFixed() {
        // The test profile leaves Contact Nos. blank with the demo: a new customer gets no contact, an error.
        MarketingSetup original = setup.current();
        assertThat(original.contactNos()).isNullOrEmpty();
        String customerNo = SyncTestSupport.unique("C");
        erp.create(FinanceKind.CUSTOMER, customerNo, "company", Map.of(CommonField.NAME, "Retry Ltd"), Map.of());
        await().atMost(WAIT).until(() -> support.decisions(new RecordRef(RecordType.CUSTOMER, customerNo))
                .contains("auto-contact-failed"));

        open("/console/sync-errors");
        By retry = By.xpath("//table[@id='sync-errors']//tr[contains(., '" + customerNo + "')]//button[@class='retry']");
        assertThat(browser.findElement(By.id("sync-errors")).getText())
                .contains("Contact Nos. must have a value in Marketing Setup.");
        // Retried before the setup is fixed: it fails again, and says so.
        browser.findElement(retry).click();
        assertThat(waitFor(By.id("notice")).getText()).contains("still failing");
        assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo)).isEmpty();
        try {
            setup.replace(withContactNos(original, "CONT"));
            open("/console/sync-errors");
            screenshot("sync-errors");
            browser.findElements(retry).get(0).click();
            assertThat(waitFor(By.id("notice")).getText()).contains("contact requested");
            // The contact system created the contact and acknowledged it: the link is active.
            await().atMost(WAIT).until(() -> links.findByRecord(LinkType.CUSTOMER, customerNo)
                    .filter(l -> l.status() == LinkStatus.ACTIVE).isPresent());
            String contactNo = links.findByRecord(LinkType.CUSTOMER, customerNo).orElseThrow().contactNo();
            assertThat(crm.find(contactNo)).isPresent();
            open("/console/sync-errors");
            assertThat(browser.findElements(retry)).isEmpty();
        } finally {
            setup.replace(original);
        }
    }

    private List<Conflicts.StoredConflict> parkedOf(String contactNo) {
        return conflicts.list("parked", 1000).stream().filter(c -> c.contactNo().equals(contactNo)).toList();
    }

    private Conflicts.StoredConflict parkedOf(String contactNo, String field) {
        return parkedOf(contactNo).stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow();
    }

    private static MarketingSetup withPolicy(MarketingSetup s, ConflictPolicy policy) {
        return new MarketingSetup(s.busRelCodeForCustomers(), s.busRelCodeForVendors(), s.busRelCodeForBankAccounts(),
                s.contactNos(), s.customerNos(), s.vendorNos(), s.bankAccountNos(), s.customerTemplates(),
                s.vendorTemplates(), s.interactionTemplates(), policy.wireName(), null);
    }

    private static MarketingSetup withContactNos(MarketingSetup s, String contactNos) {
        return new MarketingSetup(s.busRelCodeForCustomers(), s.busRelCodeForVendors(), s.busRelCodeForBankAccounts(),
                contactNos, s.customerNos(), s.vendorNos(), s.bankAccountNos(), s.customerTemplates(),
                s.vendorTemplates(), s.interactionTemplates(), s.conflictPolicy(), null);
    }

    private Queue brokerQueue(String name) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(name));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    private static void setValue(By by, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(by),
                value);
    }

    private static void screenshot(String name) throws RuntimeException {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
