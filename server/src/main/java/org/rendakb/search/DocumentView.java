package org.rendakb.search;

import java.util.List;

/**
 * Everything the index knows of one source file, for the document page. {@code text} is its first
 * {@link DocumentText#DEFAULT_LENGTH} characters; {@code textLength} is the whole text's, the rest
 * is read from {@code /api/documents/{id}/text} in pages.
 */
public record DocumentView(
    String id, String path, String title, String type, String date, Integer year, String body, String committee,
    String region, String place, String term, String meeting, String speaker, List<String> laws, String contentType,
    Long size, String hash, boolean truncated, String note, int passages, String text, int textLength) {}
