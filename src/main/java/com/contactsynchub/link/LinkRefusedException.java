package com.contactsynchub.link;

import com.contactsynchub.api.RefusedException;

/** A link that the rules refuse, with Business Central's message. */
public class LinkRefusedException extends RefusedException {

    public LinkRefusedException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "link-refused";
    }

    @Override
    public String title() {
        return "Link refused";
    }
}
