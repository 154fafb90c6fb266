package org.rendakb.search;

/** What {@code /api/health} reports. */
public record Health(String status, long documents, long passages, String indexedAt) {}
