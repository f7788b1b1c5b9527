package com.contactsynchub.support;

/** contact.created messages as the contact system sends them (docs/messages.md), one valid and one not. */
public final class ContactCreatedMessages {

    private ContactCreatedMessages() {
    }

    public static String valid(String messageId, String contactNo) {
        return withName(messageId, contactNo, "Outside Client Ltd");
    }

    /** Breaks the schema: {@code fields.name} is Text 100 and this one has 101 characters. */
    public static String nameTooLong(String messageId, String contactNo) {
        return withName(messageId, contactNo, "N".repeat(101));
    }

    private static String withName(String messageId, String contactNo, String name) {
        return """
                {"messageId":"%s","type":"contact.created","occurredAt":"2026-11-25T09:30:00Z","source":"crm",\
                "contactNo":"%s","contactType":"company","privacyBlocked":false,\
                "fields":{"name":"%s","city":"Bruxelles","email":"info@outside.example"}}""".formatted(messageId, contactNo, name);
    }
}
