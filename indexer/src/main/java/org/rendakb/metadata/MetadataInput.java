package org.rendakb.metadata;

import java.util.List;
import java.util.Map;
import org.rendakb.extract.Block;

/**
 * What the metadata extractor reads.
 *
 * @param fileName the file's name, or its path relative to the indexed folder (folder names such
 *     as 司法解释 or 山东地方法规 are hints)
 * @param text the cleaned text
 * @param properties file properties from Tika (dc:title, dcterms:created …), possibly empty
 * @param blocks the file's lines as a reader sees them (centred, bold, large, standalone, repeated);
 *     empty for plain text, where the reading rules judge lines by their words alone
 */
public record MetadataInput(String fileName, String text, Map<String, String> properties, List<Block> blocks) {
  public MetadataInput {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    fileName = fileName == null ? "" : fileName;
    text = text == null ? "" : text;
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }

  /** Text without layout (plain text, pasted text). */
  public MetadataInput(String fileName, String text, Map<String, String> properties) {
    this(fileName, text, properties, List.of());
  }
}
