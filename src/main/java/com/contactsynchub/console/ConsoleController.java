package com.contactsynchub.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordNumbers;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.importing.FileImport;
import com.contactsynchub.importing.FileImports;
import com.contactsynchub.importing.ImportStatus;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.journal.JournalEntry;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkSearch;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.sync.ConflictResolution;
import com.contactsynchub.sync.Conflicts;

/**
 * The operator console's pages (docs/console.md). Thin: the work is done by the services it calls, the pages only
 * show (escaped: th:text) and post forms. An action redirects back with a notice in the query string (the API is
 * stateless, there is no session for flash attributes).
 */
@Controller
class ConsoleController {

    private static final int TIMELINE_LIMIT = 200;
    private static final int SYNC_ERRORS_LIMIT = 500;

    private final QueueDepths depths;
    private final ParkedMessages parked;
    private final ConsoleQueries queries;
    private final Conflicts conflicts;
    private final ConflictResolution resolution;
    private final FileImports imports;
    private final Journal journal;
    private final KnownRecords known;
    private final LinkRegistry links;
    private final LastRouteError lastError;
    private final CamelContext camel;
    private final QueueNames queues;
    private final SyncErrorRetry retry;

    ConsoleController(QueueDepths depths, ParkedMessages parked, ConsoleQueries queries, Conflicts conflicts,
            ConflictResolution resolution, FileImports imports, Journal journal, KnownRecords known,
            LinkRegistry links, LastRouteError lastError, CamelContext camel, QueueNames queues,
            SyncErrorRetry retry) {
        this.retry = retry;
        this.depths = depths;
        this.parked = parked;
        this.queries = queries;
        this.conflicts = conflicts;
        this.resolution = resolution;
        this.imports = imports;
        this.journal = journal;
        this.known = known;
        this.links = links;
        this.lastError = lastError;
        this.camel = camel;
        this.queues = queues;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("queues", depths.all());
        model.addAttribute("brokerProblem", depths.problem());
        model.addAttribute("brokerSource", depths.source());
        List<RouteState> routes = camel.getRoutes().stream()
                .map(r -> RouteState.of(r.getRouteId(), r.getEndpoint().getEndpointBaseUri(),
                        camel.getRouteController().getRouteStatus(r.getRouteId())))
                .sorted(java.util.Comparator.comparing(RouteState::id)).toList();
        model.addAttribute("routes", routes);
        model.addAttribute("routesDown", routes.stream().filter(r -> !r.up()).count());
        model.addAttribute("lastError", lastError.last().orElse(null));
        model.addAttribute("parkedConflicts", queries.parkedConflicts());
        model.addAttribute("syncErrors", queries.syncErrors());
        model.addAttribute("runningImports", imports.latest(100).stream()
                .filter(i -> FileImport.RUNNING.equals(i.state())).map(ImportStatus::of).toList());
        return "console/overview";
    }

    // --- refused and dead messages -------------------------------------------------------------------------------

    @GetMapping("/console/messages")
    String messages(@RequestParam(required = false) String queue, Model model) {
        String shown = queue == null ? queues.invalid() : parked.operatorQueue(queue);
        model.addAttribute("queue", shown);
        model.addAttribute("invalidQueue", queues.invalid());
        model.addAttribute("deadQueue", queues.deadLetter());
        List<ParkedMessages.ParkedMessage> list = parked.list(shown);
        model.addAttribute("messages", list);
        model.addAttribute("limit", ParkedMessages.LIST_LIMIT);
        model.addAttribute("originalQueues", list.stream().map(ParkedMessages.ParkedMessage::originalQueue)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("actions", parked.actions(20));
        return "console/messages";
    }

    @GetMapping("/console/message")
    String message(@RequestParam String queue, @RequestParam String id, Model model) {
        ParkedMessages.ParkedMessage message = parked.find(parked.operatorQueue(queue), id)
                .orElseThrow(() -> new ParkedMessages.MessageGone(queue, id));
        model.addAttribute("message", message);
        model.addAttribute("editable", queue.equals(queues.invalid()) && message.isText()
                && parked.channelOf(message.originalQueue()).isPresent());
        model.addAttribute("editedBody", message.body());
        return "console/message";
    }

    @PostMapping("/console/message/replay")
    String replay(@RequestParam String queue, @RequestParam String id, Principal operator) {
        String target = parked.replay(queue, id, name(operator));
        return back("/console/messages?queue=" + enc(queue), "Message " + id + " replayed to " + target + ".");
    }

    @PostMapping("/console/message/replay-all")
    String replayAll(@RequestParam String queue, @RequestParam(required = false) String originalQueue,
            Principal operator) {
        int count = parked.replayAll(queue, originalQueue, name(operator));
        return back("/console/messages?queue=" + enc(queue), count + " message(s) replayed.");
    }

    @PostMapping("/console/message/edit")
    String edit(@RequestParam String id, @RequestParam String body, Principal operator, Model model) {
        ParkedMessages.EditOutcome outcome = parked.editAndReplay(id, body, name(operator));
        if (outcome.sent()) {
            return back("/console/messages?queue=" + enc(queues.invalid()),
                    "Message " + id + " corrected and replayed.");
        }
        ParkedMessages.ParkedMessage message = parked.find(queues.invalid(), id)
                .orElseThrow(() -> new ParkedMessages.MessageGone(queues.invalid(), id));
        model.addAttribute("message", message);
        model.addAttribute("editable", true);
        model.addAttribute("editedBody", body);
        model.addAttribute("stillInvalid", outcome.reason());
        return "console/message";
    }

    @PostMapping("/console/message/discard")
    String discard(@RequestParam String queue, @RequestParam String id, @RequestParam String reason,
            Principal operator) {
        parked.discard(queue, id, reason, name(operator));
        return back("/console/messages?queue=" + enc(queue), "Message " + id + " discarded (kept in the console's log).");
    }

    // --- conflicts -----------------------------------------------------------------------------------------------

    @GetMapping("/console/conflicts")
    String conflicts(Model model) {
        model.addAttribute("parked", conflicts.list("parked", 500));
        model.addAttribute("resolved", conflicts.list("resolved", 50));
        return "console/conflicts";
    }

    @PostMapping("/console/conflicts/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String side,
            @RequestParam(required = false) String value, Principal operator) {
        boolean typed = side == null || side.isBlank();
        var stored = resolution.resolve(id, new ConflictResolution.Choice(typed ? null : side, typed ? value : null),
                name(operator));
        return back("/console/conflicts", "Conflict " + id + " resolved with '" + stored.resolvedValue() + "'.");
    }

    // --- a record's history, links -------------------------------------------------------------------------------

    @GetMapping("/console/records/{recordType}/{recordNo}")
    String record(@PathVariable String recordType, @PathVariable String recordNo, Model model) {
        RecordType type = RecordType.fromWireName(recordType).orElseThrow(() -> new IllegalArgumentException(
                "recordType must be one of contact, customer, vendor, bankAccount (was '" + recordType + "')"));
        RecordNumbers.problem("recordNo", recordNo).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        model.addAttribute("recordType", type.wireName());
        model.addAttribute("recordNo", recordNo);
        var record = known.find(type, recordNo);
        model.addAttribute("record", record.orElse(null));
        if (type == RecordType.CONTACT) {
            String holder = record.map(r -> r.companyNo()).filter(c -> c != null && !c.isBlank()).orElse(recordNo);
            model.addAttribute("companyNo", holder.equals(recordNo) ? null : holder);
            model.addAttribute("persons", queries.personsOf(recordNo));
            model.addAttribute("links", links.relationsOf(recordNo));
        } else {
            LinkType linkType = LinkType.fromWireName(type.wireName()).orElseThrow();
            model.addAttribute("links", links.findByRecord(linkType, recordNo).map(List::of).orElse(List.of()));
        }
        List<JournalEntry> entries = journal.forRecord(type.wireName(), recordNo, TIMELINE_LIMIT);
        Map<String, List<ConsoleQueries.Command>> commands = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            commands.computeIfAbsent(entry.causationId(), queries::commandsCausedBy);
        }
        model.addAttribute("entries", entries);
        model.addAttribute("commands", commands);
        return "console/record";
    }

    @GetMapping("/console/received/{messageId}")
    String received(@PathVariable String messageId, Model model) {
        model.addAttribute("messageId", messageId);
        model.addAttribute("received", queries.received(messageId).orElse(null));
        model.addAttribute("commands", queries.commandsCausedBy(messageId));
        return "console/received";
    }

    @GetMapping("/console/commands/{commandId}")
    String command(@PathVariable String commandId, Model model) {
        model.addAttribute("commandId", commandId);
        model.addAttribute("command", queries.command(commandId).orElse(null));
        return "console/command";
    }

    @GetMapping("/console/links")
    String links(@RequestParam(required = false) String contactNo, @RequestParam(required = false) String linkType,
            @RequestParam(required = false) String recordNo, @RequestParam(defaultValue = "0") int page,
            Model model) {
        LinkType type = linkType == null || linkType.isBlank() ? null : LinkType.fromWireName(linkType)
                .orElseThrow(() -> new IllegalArgumentException("linkType must be customer, vendor or bankAccount"));
        model.addAttribute("contactNo", contactNo);
        model.addAttribute("linkType", linkType);
        model.addAttribute("recordNo", recordNo);
        model.addAttribute("page", links.search(new LinkSearch(blankToNull(contactNo), type, blankToNull(recordNo)),
                Math.max(page, 0), 50));
        return "console/links";
    }

    // --- imports -------------------------------------------------------------------------------------------------

    @GetMapping("/console/imports")
    String imports(Model model) {
        model.addAttribute("imports", imports.latest(100).stream().map(ImportStatus::of).toList());
        return "console/imports";
    }

    /** The table alone, which the page's htmx polls while it is open. */
    @GetMapping("/console/imports/rows")
    String importRows(Model model) {
        model.addAttribute("imports", imports.latest(100).stream().map(ImportStatus::of).toList());
        return "console/imports :: rows";
    }

    @GetMapping("/console/imports/{importId}/report")
    Object report(@PathVariable String importId, @RequestParam(defaultValue = "false") boolean download,
            Model model) throws IOException {
        FileImport row = imports.find(importId).orElseThrow(() -> new IllegalArgumentException(
                "There is no import " + importId));
        String text = row.reportFile() == null || !Files.isRegularFile(Path.of(row.reportFile())) ? null
                : Files.readString(Path.of(row.reportFile()), StandardCharsets.UTF_8);
        if (download && text != null) {
            return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(Path.of(row.reportFile()).getFileName().toString(), StandardCharsets.UTF_8)
                            .build().toString())
                    .body(text);
        }
        model.addAttribute("import", ImportStatus.of(row));
        model.addAttribute("report", text);
        return "console/report";
    }

    // --- sync errors ---------------------------------------------------------------------------------------------

    @GetMapping("/console/sync-errors")
    String syncErrors(Model model) {
        List<SyncErrorRetry.Row> rows = retry.rows(SYNC_ERRORS_LIMIT);
        model.addAttribute("rows", rows);
        model.addAttribute("open", rows.stream().filter(SyncErrorRetry.Row::open).count());
        return "console/sync-errors";
    }

    @PostMapping("/console/sync-errors/{id}/retry")
    String retry(@PathVariable long id) {
        return back("/console/sync-errors", retry.retry(id).message());
    }

    @PostMapping("/console/sync-errors/retry-all")
    String retryAll() {
        int retried = retry.retryAll(SYNC_ERRORS_LIMIT);
        return back("/console/sync-errors", retried + " record(s) got their contact requested.");
    }

    // --- errors as pages -----------------------------------------------------------------------------------------

    @ExceptionHandler({IllegalArgumentException.class, ParkedMessages.NotReplayable.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(RuntimeException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "console/problem";
    }

    @ExceptionHandler({ParkedMessages.MessageGone.class, ConflictResolution.ConflictNotFound.class,
            java.util.NoSuchElementException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "console/problem";
    }

    @ExceptionHandler(ParkedMessages.BrokerRefused.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String brokerAway(RuntimeException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "console/problem";
    }

    @ExceptionHandler(ConflictResolution.ConflictNotParked.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String notParked(RuntimeException e, Model model) {
        model.addAttribute("problem", e.getMessage());
        return "console/problem";
    }

    private static String back(String path, String notice) {
        return "redirect:" + path + (path.contains("?") ? "&" : "?") + "notice=" + enc(notice);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String name(Principal operator) {
        return operator == null ? "anonymous" : operator.getName();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
