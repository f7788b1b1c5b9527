package com.contactsynchub.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;

/**
 * One inbound message on its way through the intake's steps (the body of the event routes between their steps):
 * validate, record once, lock the group, look up, decide, store. Each step of {@link EventIntake} fills in its part.
 */
public final class IntakeEvent {

    private final String body;
    private final Channel channel;
    private final InboundMessage message;
    private final String invalidReason;
    private NonTextBody nonText;
    private boolean duplicate;
    private String lockKey;
    private List<EventHandler> handlers = List.of();
    private java.util.function.Predicate<EventHandler> leaveOut = handler -> false;
    private Optional<KnownRecord> before = Optional.empty();
    private boolean stale;
    private final List<OutboundCommand> commands = new ArrayList<>();

    private IntakeEvent(String body, Channel channel, InboundMessage message, String invalidReason) {
        this.body = body;
        this.channel = channel;
        this.message = message;
        this.invalidReason = invalidReason;
    }

    static IntakeEvent accepted(String body, Channel channel, InboundMessage message) {
        return new IntakeEvent(body, channel, message, null);
    }

    static IntakeEvent refused(String body, Channel channel, String reason) {
        return new IntakeEvent(body, channel, null, reason);
    }

    /** A message that was not a JMS TextMessage: refused, its body kept as the broker's bytes, never deserialized. */
    static IntakeEvent refusedNonText(NonTextBody body, Channel channel) {
        IntakeEvent event = new IntakeEvent(null, channel, null, NonTextBody.REASON + " (this is a " + body.kind() + ")");
        event.nonText = body;
        return event;
    }

    /** The non-text body of a refused message; null for a text message. */
    public NonTextBody nonText() {
        return nonText;
    }

    /** Leaves out the features the caller names (a file import's option); none by default. */
    IntakeEvent leavingOut(java.util.function.Predicate<EventHandler> features) {
        this.leaveOut = features;
        return this;
    }

    boolean leavesOut(EventHandler handler) {
        return leaveOut.test(handler);
    }

    /** Read by the routes as {@code ${body.invalid}}. */
    public boolean isInvalid() {
        return invalidReason != null;
    }

    /** Read by the routes as {@code ${body.duplicate}}: applied before, nothing to do again. */
    public boolean isDuplicate() {
        return duplicate;
    }

    public String body() {
        return body;
    }

    public Channel channel() {
        return channel;
    }

    public InboundMessage message() {
        return message;
    }

    public String invalidReason() {
        return invalidReason;
    }

    public String lockKey() {
        return lockKey;
    }

    public Optional<KnownRecord> before() {
        return before;
    }

    public boolean isStale() {
        return stale;
    }

    public List<OutboundCommand> commands() {
        return List.copyOf(commands);
    }

    void markDuplicate() {
        duplicate = true;
    }

    void lockedOn(String key) {
        lockKey = key;
    }

    void handledBy(List<EventHandler> interested) {
        handlers = List.copyOf(interested);
    }

    List<EventHandler> handlers() {
        return handlers;
    }

    void knownBefore(Optional<KnownRecord> known) {
        before = known;
    }

    void markStale() {
        stale = true;
    }

    void decided(List<OutboundCommand> decided) {
        commands.addAll(decided);
    }

    /** What became of the message, for callers outside the routes (file imports). */
    public IntakeResult result() {
        if (isInvalid()) {
            return IntakeResult.refused(invalidReason, body);
        }
        return new IntakeResult(duplicate ? IntakeResult.Outcome.DUPLICATE : IntakeResult.Outcome.ACCEPTED,
                message.type(), message.messageId(), null, body, commands);
    }

    @Override
    public String toString() {
        return isInvalid() ? "invalid message on " + channel + ": " + invalidReason
                : message.type().wireName() + " " + message.messageId();
    }
}
