package org.rendakb.search.highlight;

/**
 * One snippet of a hit and the page it stands on.
 *
 * @param html escaped text with {@code <mark>} around matches
 * @param page from 1, for a paginated file (PDF, OFD, scan); null otherwise
 */
public record Snippet(String html, Integer page) {}
