package org.rendakb.passages;

/**
 * A sentence or short paragraph of a document, the unit of precedent search.
 *
 * @param position ordinal within the document, from 0
 * @param start offset of the first char in the document text
 * @param end offset after the last char
 * @param text the passage as it stands in the document text
 */
public record Passage(int position, int start, int end, String text) {}
