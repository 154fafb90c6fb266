package org.rendakb.search;

import java.util.List;

/** Everything the index knows of one source file, for the document page. */
public record DocumentView(
    String id, String path, String title, String type, String date, Integer year, String body, String committee,
    String region, String place, String term, String meeting, String speaker, List<String> laws, String contentType,
    Long size, String hash, boolean truncated, String note, int passages, String text) {}
