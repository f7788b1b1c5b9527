package com.contactsynchub.link;

import java.util.List;

/** One page of links; {@code page} counts from 0, {@code total} is the number of links matching the search. */
public record LinkPage(List<Link> items, int page, int size, long total) {
}
