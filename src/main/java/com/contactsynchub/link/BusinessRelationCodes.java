package com.contactsynchub.link;

import java.util.Optional;

/**
 * The business relation code of each link type, from the setup (Marketing Setup's "Bus. Rel. Code for Customers",
 * ...). An interface here, implemented by the setup, so that the link registry depends on no setup code.
 */
public interface BusinessRelationCodes {

    /** The code for links of this type; empty when that link type is switched off. */
    Optional<String> businessRelationCode(LinkType type);
}
