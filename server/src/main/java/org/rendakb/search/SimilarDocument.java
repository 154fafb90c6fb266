package org.rendakb.search;

/**
 * A document on the same topic as another.
 *
 * @param nearDuplicate the same document in substance: the same title and type (another version of
 *     one law), or nearly the same text
 */
public record SimilarDocument(
    String id, String path, String title, String type, String date, Integer year, String body, float score,
    boolean nearDuplicate) {}
