package org.rendakb.search.reader;

/**
 * What a result list, a law's versions, the suggestions and a precedent hit show of a file
 * document, read once per segment ({@link SegmentFiles}) rather than from stored fields per request:
 * reading stored fields decompresses the blocks that hold them, texts included, and a result page
 * read ten whole documents per search for a few short strings (a third of a topic search).
 */
public record FileMetadata(String id, String path, String title, String type, String date, Integer year, String body,
    String committee, String region, String place) {}
