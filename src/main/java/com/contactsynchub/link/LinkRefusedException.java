package com.contactsynchub.link;

/** A link that the rules refuse, with Business Central's message. */
public class LinkRefusedException extends RuntimeException {

    public LinkRefusedException(String message) {
        super(message);
    }
}
