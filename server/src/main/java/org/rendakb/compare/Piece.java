package org.rendakb.compare;

/** A run of characters of one side of a row: kept, or only on this side (deleted from a, inserted in b). */
public record Piece(String text, boolean changed) {}
