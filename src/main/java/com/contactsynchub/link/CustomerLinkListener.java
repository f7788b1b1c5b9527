package com.contactsynchub.link;

import java.util.List;

import com.contactsynchub.command.OutboundCommand;

/**
 * Told when a contact gets a customer, by linking or by creating one from the contact (docs/domain.md, What happens 2
 * and 3). Runs in the transaction that activates the link; the commands it returns are sent with the others.
 * The documents feature implements it to give the contact's open sales quotes their customer.
 */
public interface CustomerLinkListener {

    /**
     * @param contactNo   the (company) contact that now has the customer
     * @param customerNo  the customer
     * @param causationId the message whose handling activated the link
     */
    List<OutboundCommand> customerLinked(String contactNo, String customerNo, String causationId);
}
