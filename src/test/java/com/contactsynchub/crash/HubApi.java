package com.contactsynchub.crash;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The hub's HTTP side as an operator sees it: health, records, links, journal, conflicts (README, API). */
public final class HubApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    HubApi(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String base() {
        return base;
    }

    /** {@code UP}, {@code DOWN}, ... or empty when the hub does not answer. */
    public Optional<String> health() {
        return get("/actuator/health").filter(r -> r.statusCode() == 200 || r.statusCode() == 503)
                .map(r -> read(r.body()).path("status").asText());
    }

    /** Whether the hub knows the record ({@code contact}, {@code customer}, ...). */
    public boolean knows(String recordType, String no) {
        return get("/api/records/" + recordType + "/" + encode(no)).map(r -> r.statusCode() == 200).orElse(false);
    }

    boolean knows(RecordKind kind, String no) {
        return get("/api/records/" + kind.wireName() + "/" + encode(no)).map(r -> r.statusCode() == 200)
                .orElse(false);
    }

    /** Active links of the type. */
    public long activeLinks(String linkType) {
        long active = 0;
        for (int page = 0; ; page++) {
            JsonNode body = getJson("/api/links?linkType=" + linkType + "&size=100&page=" + page);
            JsonNode items = body.path("items");
            for (JsonNode link : items) {
                if ("active".equals(link.path("status").asText())) {
                    active++;
                }
            }
            if (items.size() < 100) {
                return active;
            }
        }
    }

    /** A record's journal, newest first. */
    List<JsonNode> journal(RecordKind kind, String no, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        getJson(journalPath(kind, no) + "?limit=" + limit).forEach(entries::add);
        return entries;
    }

    static String journalPath(RecordKind kind, String no) {
        return "/api/journal/" + kind.wireName() + "/" + encode(no);
    }

    /** Resolved conflicts, counted up to 1000 (the API's limit); -1 when the hub does not answer. */
    int resolvedConflicts() {
        try {
            return getJson("/api/conflicts?status=resolved&limit=1000").size();
        } catch (IllegalStateException notAnswering) {
            return -1;
        }
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path).orElseThrow(() -> new IllegalStateException(
                "The hub does not answer GET " + base + path));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + base + path + ": " + response.statusCode() + " "
                    + response.body());
        }
        return read(response.body());
    }

    private Optional<HttpResponse<String>> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return Optional.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException notListening) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
