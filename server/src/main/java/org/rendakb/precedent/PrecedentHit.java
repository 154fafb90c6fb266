package org.rendakb.precedent;

/**
 * A passage where the drafter's text, or a close variant, was used.
 *
 * @param passage the passage with the chars it shares with the query in {@code <mark>}, the rest
 *     HTML-escaped
 * @param match {@code exact} when the query occurs in the passage as written, else {@code near}
 * @param otherVersions near-identical passages of other versions grouped under this, the newest
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
    double score,
    String match,
    int otherVersions,
    Integer page) {}
