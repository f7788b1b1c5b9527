package com.contactsynchub.link;

/** Criteria for {@link LinkRegistry#search}; a {@code null} criterion matches every link. */
public record LinkSearch(String contactNo, LinkType linkType, String recordNo) {

    public static LinkSearch all() {
        return new LinkSearch(null, null, null);
    }
}
