package com.contactsynchub.reference.erp;

import java.util.Map;

import com.contactsynchub.contract.CommonField;

/**
 * A customer, vendor or bank account of the reference finance system.
 *
 * @param contactType company or person; customers only (null for the others)
 * @param finance     the finance-only fields (posting groups, payment terms, IBAN, ...)
 */
public record FinanceRecord(FinanceKind kind, String no, String contactType, Map<CommonField, String> fields,
        Map<String, String> finance, long version) {
}
