package org.rendakb.metadata;

import java.util.Map;

/**
 * What the metadata extractor reads.
 *
 * @param fileName the file's name, or its path relative to the indexed folder (folder names such
 *     as 司法解释 or 山东地方法规 are hints)
 * @param text the cleaned text
 * @param properties file properties from Tika (dc:title, dcterms:created …), possibly empty
 */
public record MetadataInput(String fileName, String text, Map<String, String> properties) {
  public MetadataInput {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    fileName = fileName == null ? "" : fileName;
    text = text == null ? "" : text;
  }
}
