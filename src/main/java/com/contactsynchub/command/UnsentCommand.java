package com.contactsynchub.command;

/** A command of the outbox that the relay has not yet handed to the broker; {@code seq} is its place in line. */
public record UnsentCommand(long seq, OutboundCommand command) {
}
