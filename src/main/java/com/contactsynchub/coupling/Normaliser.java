package com.contactsynchub.coupling;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a field's value is made comparable before two records are matched on it. Each match rule names one per field
 * (hub.coupling.rules[].fields[].normaliser), because the same value means different things in different fields:
 * an e-mail differs from another only in case and blanks, a VAT number also in its punctuation, a company name in
 * its legal form as well.
 */
public enum Normaliser {
    /** The value without blanks around it. */
    EXACT("exact"),
    /** Case and all blanks ignored: e-mail addresses ({@code " Info@Contoso.COM"} = {@code "info@contoso.com"}). */
    CASE_AND_SPACES("case-and-spaces"),
    /** Letters and digits only, upper case: VAT numbers and post codes ({@code "DE 123.456.789"} = {@code "DE123456789"}). */
    ALPHANUMERIC("alphanumeric"),
    /**
     * Company names: accents, case and punctuation ignored, {@code &} read as "and", legal forms at the end (Inc.,
     * Ltd., GmbH, ... from hub.coupling.legal-suffixes) dropped: {@code "Contoso, Ltd."} = {@code "CONTOSO"}.
     */
    COMPANY_NAME("company-name");

    private final String configName;

    Normaliser(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<Normaliser> fromConfigName(String name) {
        return Arrays.stream(values()).filter(n -> n.configName.equals(name)).findFirst();
    }

    public static String configNames() {
        return Arrays.stream(values()).map(Normaliser::configName).collect(Collectors.joining(", "));
    }

    /**
     * @param legalSuffixes normalised the same way (upper case, letters and digits), e.g. {@code LTD}, {@code GMBH}
     * @return the comparable value; empty when nothing is left (a blank field never matches)
     */
    public String apply(String value, Set<String> legalSuffixes) {
        if (value == null) {
            return "";
        }
        return switch (this) {
            case EXACT -> value.strip();
            case CASE_AND_SPACES -> value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            case ALPHANUMERIC -> letterAndDigitWords(value).replace(" ", "");
            case COMPANY_NAME -> withoutLegalSuffixes(letterAndDigitWords(value.replace("&", " and ")),
                    legalSuffixes);
        };
    }

    /** Upper case, accents removed, every run of other characters one blank. "Müller & Söhne GmbH." -> "MULLER AND SOHNE GMBH". */
    static String letterAndDigitWords(String value) {
        String plain = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        // "Ltd." and "L.T.D." alike: dots between letters join them
        plain = plain.replaceAll("(?<=\\p{L})\\.(?=\\p{L}\\.)", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Drops legal forms at the end, repeatedly ("Contoso Holding Co. Ltd" keeps HOLDING), never the whole name. */
    static String withoutLegalSuffixes(String words, Set<String> legalSuffixes) {
        String[] parts = words.split(" ");
        int end = parts.length;
        while (end > 1) {
            if (legalSuffixes.contains(parts[end - 1])) {
                end--;
            } else if (end > 2 && legalSuffixes.contains(parts[end - 2] + parts[end - 1])) {
                end -= 2; // "S A", "B V", "Pty Ltd" written apart
            } else {
                break;
            }
        }
        return String.join(" ", Arrays.copyOf(parts, end));
    }
}
