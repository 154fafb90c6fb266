package org.rendakb.precedent;

/**
 * A passage where the drafter's text, or a close variant, was used.
 *
 * @param passage the passage with the chars it shares with the query in {@code <mark>}, the rest
 *     HTML-escaped
 * @param match {@code exact} when the query occurs in the passage as written, else {@code near}
 * @param position the passage's place in its document (0 first); for a span, its first passage's
 * @param endPosition the last passage's place: the same as {@code position} unless the hit is a span
 *     of consecutive passages merged (a pasted paragraph)
 * @param otherVersions near-identical passages of other versions grouped under this, the newest
 * @param article the article of a law the passage stands in (第七条), or null ({@link Articles})
 * @param page the page (from 1) the passage stands on in a paginated file (PDF, OFD, scan); null otherwise
 */
public record PrecedentHit(
    String docId,
    String path,
    String title,
    String type,
    String date,
    Integer year,
    String body,
    String committee,
    String passage,
    int position,
    int endPosition,
    double score,
    String match,
    int otherVersions,
    String article,
    Integer page) {}
