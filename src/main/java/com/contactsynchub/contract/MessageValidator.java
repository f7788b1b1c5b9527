package com.contactsynchub.contract;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks an inbound text against the contract: JSON, a known type that may travel on this channel, and the type's
 * JSON Schema. Every problem is reported with the field it concerns, in words an operator can act on.
 * Thread-safe; the schemas are loaded once.
 */
public class MessageValidator {

    /** Messages larger than this are refused before parsing (a record is a few kilobytes at most). */
    public static final int MAX_MESSAGE_CHARS = 1_000_000;

    private static final String SCHEMA_BASE = "https://contactsynchub.com/schemas/";
    private static final int MAX_PROBLEMS = 20;
    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    private final ObjectMapper mapper;
    private final Map<MessageType, JsonSchema> schemas = new EnumMap<>(MessageType.class);

    public MessageValidator() {
        this.mapper = new ObjectMapper();
        // A key given twice would otherwise silently keep the last value.
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(MAX_MESSAGE_CHARS).build());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(com.networknt.schema.PathType.JSON_POINTER)
                .build();
        for (MessageType type : MessageType.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()), config);
            schema.initializeValidators(); // fail at start-up, not on the first message, if a schema is broken
            schemas.put(type, schema);
        }
    }

    public Validation validate(String text, Channel channel) {
        if (text == null || text.isBlank()) {
            return invalid("the message is empty");
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            return invalid("the message is " + text.length() + " characters long, the limit is " + MAX_MESSAGE_CHARS);
        }
        if (text.indexOf('\u0000') >= 0 || text.indexOf('\uFFFD') >= 0) {
            // A NUL or a replacement character means bytes that were not UTF-8 text (a file, an image, ...).
            return invalid("the message is not UTF-8 text (it contains binary data)");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            var duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                return invalid(duplicate.group(1) + ": the key appears more than once; each key may appear once");
            }
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return invalid("the message is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode body)) {
            return invalid("the message is not a JSON object");
        }
        List<String> unrepresentable = new ArrayList<>();
        JsonTextCheck.loneSurrogates(body, "", unrepresentable);
        if (!unrepresentable.isEmpty()) {
            return new Validation.Invalid(unrepresentable);
        }
        JsonNode typeNode = body.get("type");
        if (typeNode == null || typeNode.isNull()) {
            return invalid("type: is missing");
        }
        if (!typeNode.isTextual()) {
            return invalid("type: must be a string");
        }
        String typeName = typeNode.asText();
        var type = MessageType.fromWireName(typeName).orElse(null);
        if (type == null) {
            return invalid("type: unknown message type '" + shorten(typeName) + "'");
        }
        if (!type.travelsOn(channel)) {
            return invalid("type: '" + typeName + "' is not accepted on " + channel.name().toLowerCase().replace('_', '.')
                    + " (it travels on " + type.channels().stream().map(c -> c.name().toLowerCase().replace('_', '.')).sorted().toList() + ")");
        }
        JsonNode versionNode = body.get("version");
        if (versionNode != null && versionNode.isIntegralNumber() && !versionNode.canConvertToLong()) {
            // Read as a long it would wrap (99999999999999999999999 -> 200376420520689663) and could make later
            // events look stale.
            return invalid("version: " + shorten(versionNode.asText()) + " is out of range; it must be a whole number "
                    + "from 0 to " + Long.MAX_VALUE);
        }
        Set<ValidationMessage> messages = schemas.get(type).validate(body);
        if (!messages.isEmpty()) {
            List<String> all = problems(messages);
            List<String> problems = new ArrayList<>(all.subList(0, Math.min(all.size(), MAX_PROBLEMS)));
            if (all.size() > MAX_PROBLEMS) {
                problems.add("and " + (all.size() - MAX_PROBLEMS) + " more problems");
            }
            return new Validation.Invalid(problems);
        }
        String recordNo = type.recordType().map(r -> body.path(r.keyField()).asText(null)).orElse(null);
        JsonNode version = body.get("version");
        return new Validation.Valid(new InboundMessage(
                body.get("messageId").asText(),
                type,
                OffsetDateTime.parse(body.get("occurredAt").asText()),
                body.get("source").asText(),
                version == null || version.isNull() ? null : version.asLong(),
                recordNo,
                body,
                text));
    }

    /** One problem as {@code path: what is wrong}, in plain words for the checks that matter most. */
    private static String describe(ValidationMessage m) {
        String path = fieldPath(m);
        JsonNode value = m.getInstanceNode();
        return switch (m.getType()) {
            case "maxLength" -> path + ": " + value.asText().codePointCount(0, value.asText().length())
                    + " characters, the limit is " + m.getArguments()[0];
            case "minLength" -> path + ": must not be empty";
            case "required" -> (path.isEmpty() ? "" : path + ".") + m.getProperty() + ": is missing";
            case "additionalProperties" -> (path.isEmpty() ? "" : path + ".") + m.getProperty()
                    + ": is not a field of this message type";
            case "pattern" -> RecordNumbers.SCHEMA_PATTERN.equals(m.getSchemaNode().asText())
                    ? RecordNumbers.patternProblem(path, value.asText()).orElse(path + ": " + m.getError())
                    : path + ": contains a control character";
            case "const" -> path + ": must be '" + m.getSchemaNode().asText() + "'";
            case "oneOf", "anyOf" -> alternatives(path, m);
            case "enum" -> path + ": '" + shorten(value.asText()) + "' is not one of " + m.getSchemaNode();
            case "type" -> path + ": must be " + article(m.getSchemaNode());
            case "minimum" -> path + ": " + value.asText() + " is below the minimum " + m.getSchemaNode().asText();
            case "exclusiveMinimum" -> path + ": must be greater than " + m.getSchemaNode().asText();
            case "format" -> path + ": '" + shorten(value.asText()) + "' is not an ISO-8601 date-time with offset"
                    + " (e.g. 2026-11-25T09:30:00Z)";
            default -> path + ": " + m.getError();
        };
    }

    private static final java.util.regex.Pattern INSIDE_ALTERNATIVE =
            java.util.regex.Pattern.compile("/(oneOf|anyOf)/\\d+/required$");

    /**
     * Every problem in words, ordered by field. The validator reports a oneOf/anyOf of required fields as each
     * alternative's "is missing" (and for oneOf also "must be valid to one and only one schema"): those become one
     * problem naming all the fields and what is expected.
     */
    private static List<String> problems(Set<ValidationMessage> messages) {
        Map<String, String> byLocation = new java.util.TreeMap<>();
        Map<String, List<String>> missingByCombinator = new java.util.LinkedHashMap<>();
        Set<String> described = new java.util.HashSet<>();
        int n = 0;
        for (ValidationMessage m : messages) {
            String location = m.getInstanceLocation().toString();
            var inside = INSIDE_ALTERNATIVE.matcher(m.getEvaluationPath().toString());
            if (inside.find() && m.getType().equals("required")) {
                String path = fieldPath(m);
                missingByCombinator.computeIfAbsent(location + " " + inside.group(1), k -> new ArrayList<>())
                        .add((path.isEmpty() ? "" : path + ".") + m.getProperty());
                continue;
            }
            if (m.getType().equals("oneOf") || m.getType().equals("anyOf")) {
                described.add(location + " " + m.getType());
            }
            byLocation.put(location + " " + m.getType() + " " + (n++), describe(m));
        }
        missingByCombinator.forEach((key, fields) -> {
            if (!described.contains(key)) {
                byLocation.put(key + " " + (fields.size()), String.join(", ", fields)
                        + (key.endsWith("anyOf") ? ": at least one of them must be present"
                                : ": exactly one of them must be present, not none and not several"));
            }
        });
        return new ArrayList<>(byLocation.values());
    }

    /**
     * A oneOf/anyOf of {@code required} alternatives (a printed document's customerNo or vendorNo, a line's itemNo
     * or description), named by its fields instead of "must be valid to one and only one schema".
     */
    private static String alternatives(String path, ValidationMessage m) {
        List<String> fields = new ArrayList<>();
        for (JsonNode alternative : m.getSchemaNode()) {
            alternative.path("required").forEach(f -> fields.add((path.isEmpty() ? "" : path + ".") + f.asText()));
        }
        if (fields.isEmpty()) {
            return (path.isEmpty() ? "the message" : path) + ": " + m.getError();
        }
        String names = String.join(", ", fields);
        if (m.getType().equals("anyOf")) {
            return names + ": at least one of them must be present";
        }
        return names + ": exactly one of them must be present, not none and not several";
    }

    private static String article(JsonNode types) {
        List<String> names = new ArrayList<>();
        (types.isArray() ? types : List.of(types)).forEach(t -> names.add(switch (t.asText()) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> "an array";
            case "null" -> "null";
            default -> t.asText();
        }));
        return String.join(" or ", names);
    }

    private static String fieldPath(ValidationMessage m) {
        // JSON pointer "/fields/name" -> "fields.name"; array items "/lines/0/quantity" -> "lines[0].quantity"
        String pointer = m.getInstanceLocation().toString();
        if (pointer.isEmpty() || pointer.equals("/")) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static Validation invalid(String problem) {
        return new Validation.Invalid(List.of(problem));
    }
}
