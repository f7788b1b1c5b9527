package com.contactsynchub.reference.erp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;

/**
 * The three kinds of record of the finance system that have a contact: where each is stored, what its events are
 * called, and its finance-only fields (stored and settable, but never in the {@code fields} of an event).
 * Table and column names are constants here, never input.
 */
public enum FinanceKind {
    CUSTOMER(RecordType.CUSTOMER, "Customer", "customers", "ref_erp_customer", "customer_no",
            MessageType.CUSTOMER_CREATED, MessageType.CUSTOMER_CHANGED, MessageType.CUSTOMER_DELETED,
            Map.of("customerPostingGroup", 20, "genBusPostingGroup", 20, "vatBusPostingGroup", 20,
                    "paymentTermsCode", 10, "paymentMethodCode", 10)),
    VENDOR(RecordType.VENDOR, "Vendor", "vendors", "ref_erp_vendor", "vendor_no",
            MessageType.VENDOR_CREATED, MessageType.VENDOR_CHANGED, MessageType.VENDOR_DELETED,
            Map.of("vendorPostingGroup", 20, "genBusPostingGroup", 20, "vatBusPostingGroup", 20,
                    "paymentTermsCode", 10, "purchaserCode", 20)),
    BANK_ACCOUNT(RecordType.BANK_ACCOUNT, "Bank Account", "bank-accounts", "ref_erp_bank_account", "bank_account_no",
            MessageType.BANK_ACCOUNT_CREATED, MessageType.BANK_ACCOUNT_CHANGED, MessageType.BANK_ACCOUNT_DELETED,
            Map.of("bankAccountNumber", 30, "iban", 50, "swiftCode", 20, "ourContactCode", 20));

    private final RecordType recordType;
    private final String caption;
    private final String path;
    private final String table;
    private final String keyColumn;
    private final MessageType created;
    private final MessageType changed;
    private final MessageType deleted;
    private final Map<String, Integer> financeFields;

    FinanceKind(RecordType recordType, String caption, String path, String table, String keyColumn,
            MessageType created, MessageType changed, MessageType deleted, Map<String, Integer> financeFields) {
        this.recordType = recordType;
        this.caption = caption;
        this.path = path;
        this.table = table;
        this.keyColumn = keyColumn;
        this.created = created;
        this.changed = changed;
        this.deleted = deleted;
        this.financeFields = new LinkedHashMap<>(financeFields);
    }

    public RecordType recordType() {
        return recordType;
    }

    /** As Business Central names it in messages: {@code Customer C00010 does not exist.} */
    public String caption() {
        return caption;
    }

    public String table() {
        return table;
    }

    public String keyColumn() {
        return keyColumn;
    }

    public MessageType created() {
        return created;
    }

    public MessageType changed() {
        return changed;
    }

    public MessageType deleted() {
        return deleted;
    }

    /** Finance-only field name -> its maximum length. */
    public Map<String, Integer> financeFields() {
        return financeFields;
    }

    public boolean hasContactType() {
        return this == CUSTOMER;
    }

    public static Optional<FinanceKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    public static Optional<FinanceKind> of(RecordType recordType) {
        return Arrays.stream(values()).filter(k -> k.recordType == recordType).findFirst();
    }
}
