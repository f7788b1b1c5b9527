package com.contactsynchub.coupling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.datafaker.Faker;

/**
 * Generated exports of a company that already has the same customers in its ERP and as contacts in its CRM: the two
 * CSV files as their systems would write them, and what coupling must make of each customer. Names, e-mails and VAT
 * numbers carry a unique token, so that only the near-duplicates made on purpose can match.
 *
 * <ul>
 * <li>by VAT: the same VAT number written differently, the name with another legal form;</li>
 * <li>by e-mail: no VAT; the same address in other case and with blanks; another trading name;</li>
 * <li>by name + post code: no VAT or e-mail in common; name with other case, punctuation and legal form;</li>
 * <li>ambiguous: two contacts with the same name and post code (and a third legal form); or two customers with the
 * same VAT number (an ERP duplicate) and one contact with it;</li>
 * <li>unmatched: nothing in common with any contact; some share an e-mail with a PERSON of a company, which must not
 * match (a person's relations are its company's);</li>
 * <li>conflict: customers the test links before the run;</li>
 * <li>privacy blocked: matched by VAT, but the contact is blocked for privacy: proposed, refused on apply;</li>
 * <li>noise: contacts without a customer.</li>
 * </ul>
 */
final class CouplingTestData {

    static final String CONTACT_HEADER = "No.,Type,Company No.,Name,Post Code,City,E-Mail,VAT Registration No.,Privacy Blocked";
    static final String CUSTOMER_HEADER = "No.,Name,Post Code,City,E-Mail,VAT Registration No.";

    final List<String> contactRows = new ArrayList<>();
    final List<String> customerRows = new ArrayList<>();
    /** customer no. -> the contact it must be linked with. */
    final Map<String, String> expectedLinks = new HashMap<>();
    final Map<String, String> ruleOf = new HashMap<>();
    final Set<String> ambiguous = new HashSet<>();
    final Set<String> unmatched = new HashSet<>();
    /** customer no. -> its proposed contact, blocked for privacy: the link request refuses it with BC's message. */
    final Map<String, String> blocked = new HashMap<>();
    /** customer no. -> the contact the test links it with before the run. */
    final Map<String, String> conflicts = new HashMap<>();

    private final Faker faker;
    private final Random random;
    private final String prefix;
    private int contacts;
    private int customers;
    private int tokens;

    /**
     * @param prefix a few upper-case letters that make this data's record numbers unique
     * @param scale  1 gives 2,070 customers and 2,420 contacts
     */
    CouplingTestData(String prefix, long seed, int scale) {
        this.prefix = prefix;
        this.random = new Random(seed);
        this.faker = new Faker(Locale.UK, random);
        for (int i = 0; i < 600 * scale; i++) {
            byVat();
        }
        for (int i = 0; i < 400 * scale; i++) {
            byEmail();
        }
        for (int i = 0; i < 500 * scale; i++) {
            byNameAndPostCode();
        }
        for (int i = 0; i < 20 * scale; i++) {
            String vat = vat();
            String contactNo = contact("Company", null, name(), postCode(), email(), vat, true);
            blocked.put(customer(name(), postCode(), email(), vat), contactNo);
        }
        for (int i = 0; i < 100 * scale; i++) {
            twoContactsSameNameAndPostCode();
        }
        for (int i = 0; i < 50 * scale; i++) {
            twoCustomersSameVat();
        }
        List<String> noise = new ArrayList<>();
        for (int i = 0; i < 500 * scale; i++) {
            noise.add(contact("Company", null, name(), postCode(), email(), ""));
        }
        for (int i = 0; i < 300 * scale; i++) {
            String email = email();
            if (i % 3 == 0) {
                // the e-mail of a person of some company: persons are no candidates
                contact("Person", noise.get(i % noise.size()), faker.name().fullName(), "", email, "");
            }
            unmatched.add(customer(name(), postCode(), email, ""));
        }
        for (int i = 0; i < 50 * scale; i++) {
            String email = email();
            String contactNo = contact("Company", null, name(), postCode(), email, "");
            conflicts.put(customer(name(), postCode(), email, ""), contactNo);
        }
    }

    private void byVat() {
        String name = name();
        String vat = vat();
        String contactNo = contact("Company", null, name + " Ltd.", postCode(), email(), spaced(vat));
        expect(customer(name + " GmbH", postCode(), email(), vat.toLowerCase(Locale.ROOT)), contactNo, "vat");
    }

    private void byEmail() {
        String email = email();
        String contactNo = contact("Company", null, name(), postCode(), email, "");
        expect(customer(name(), postCode(), " " + email.toUpperCase(Locale.ROOT), ""), contactNo, "email");
    }

    private void byNameAndPostCode() {
        String name = name();
        String postCode = postCode();
        String contactNo = contact("Company", null, name + ", Inc.", postCode, email(), "");
        expect(customer(name.toUpperCase(Locale.ROOT).replace(" ", "-") + " INC", postCode.replace(" ", ""), email(),
                ""), contactNo, "name-post-code");
    }

    private void twoContactsSameNameAndPostCode() {
        String name = name();
        String postCode = postCode();
        contact("Company", null, name + " Ltd", postCode, email(), "");
        contact("Company", null, name.toLowerCase(Locale.ROOT) + " Limited", postCode, email(), "");
        ambiguous.add(customer(name + " Co.", postCode, email(), ""));
    }

    private void twoCustomersSameVat() {
        String vat = vat();
        contact("Company", null, name(), postCode(), email(), vat);
        ambiguous.add(customer(name(), postCode(), email(), vat));
        ambiguous.add(customer(name(), postCode(), email(), spaced(vat)));
    }

    private void expect(String customerNo, String contactNo, String rule) {
        expectedLinks.put(customerNo, contactNo);
        ruleOf.put(customerNo, rule);
    }

    private String contact(String type, String companyNo, String name, String postCode, String email, String vat) {
        return contact(type, companyNo, name, postCode, email, vat, false);
    }

    private String contact(String type, String companyNo, String name, String postCode, String email, String vat,
            boolean privacyBlocked) {
        String no = prefix + "T" + String.format("%06d", ++contacts);
        contactRows.add(csv(no, type, companyNo == null ? "" : companyNo, name, postCode, faker.address().city(),
                email, vat, privacyBlocked ? "Yes" : "No"));
        return no;
    }

    private String customer(String name, String postCode, String email, String vat) {
        String no = prefix + "C" + String.format("%06d", ++customers);
        customerRows.add(csv(no, name, postCode, faker.address().city(), email, vat));
        return no;
    }

    /** A realistic company name made unique by a token that is no legal form ("Qx" + letters). */
    private String name() {
        String name = faker.company().name();
        return (name.length() > 60 ? name.substring(0, 60) : name) + " Qx" + letters(++tokens);
    }

    private String email() {
        return "info" + (++tokens) + "@" + faker.internet().domainName();
    }

    private String vat() {
        return "GB" + (100_000_000 + ++tokens);
    }

    private String postCode() {
        return faker.address().zipCode();
    }

    private static String spaced(String vat) {
        return vat.substring(0, 2) + " " + vat.substring(2, 5) + " " + vat.substring(5, 8) + "." + vat.substring(8);
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    private static String csv(String... values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add("\"" + v.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted);
    }

    String contactsCsv() {
        return CONTACT_HEADER + "\n" + String.join("\n", contactRows) + "\n";
    }

    String customersCsv() {
        return CUSTOMER_HEADER + "\n" + String.join("\n", customerRows) + "\n";
    }

    /** Proposed by the dry run: those linked on apply and those refused for privacy. */
    int proposedCount() {
        return expectedLinks.size() + blocked.size();
    }
}
