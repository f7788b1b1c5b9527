package com.contactsynchub.contract;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Text that cannot be stored or sent on as UTF-8: a lone surrogate ({@code "\ud800"} escaped in JSON, or a broken
 * pair) would silently become {@code ?} in the database and in the commands, changing the value.
 */
final class JsonTextCheck {

    private JsonTextCheck() {
    }

    /** Adds {@code path: problem} for every string value or key holding a lone surrogate. */
    static void loneSurrogates(JsonNode node, String path, List<String> problems) {
        if (node.isTextual()) {
            int at = loneSurrogateAt(node.textValue());
            if (at >= 0) {
                problems.add((path.isEmpty() ? "the message" : path) + ": has a lone UTF-16 surrogate (\\u"
                        + String.format("%04x", (int) node.textValue().charAt(at)) + ") at character " + (at + 1)
                        + ", which is not a character and cannot be stored; send valid Unicode text");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (loneSurrogateAt(field.getKey()) >= 0) {
                    problems.add(child + ": the key has a lone UTF-16 surrogate; send valid Unicode text");
                } else {
                    loneSurrogates(field.getValue(), child, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                loneSurrogates(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    /** The index of the first surrogate that is not part of a high-low pair; -1 if none. */
    static int loneSurrogateAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
