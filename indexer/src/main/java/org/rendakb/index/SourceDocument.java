package org.rendakb.index;

import java.util.List;
import org.rendakb.extract.ExtractedText;
import org.rendakb.metadata.DocumentMetadata;
import org.rendakb.passages.Passage;

/**
 * One source file ready to index: where it is, its content hash, what was read from it.
 *
 * @param root absolute folder the file was indexed from
 * @param path the file's path relative to {@code root}, with '/' separators
 */
public record SourceDocument(
    String id,
    String root,
    String path,
    String hash,
    long size,
    ExtractedText extracted,
    DocumentMetadata metadata,
    List<Passage> passages) {

  public SourceDocument {
    passages = List.copyOf(passages);
  }
}
