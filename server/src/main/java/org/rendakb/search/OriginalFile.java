package org.rendakb.search;

import java.nio.file.Path;

/** A source file on disk, checked to lie inside the folder it was indexed from. */
public record OriginalFile(Path file, String contentType, String fileName) {}
