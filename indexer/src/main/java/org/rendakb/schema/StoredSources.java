package org.rendakb.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each metadata value came from ("title" → "heading"), stored in one field as lines of
 * {@code field=source}: neither side holds a line break or an equals sign.
 */
public final class StoredSources {
  private StoredSources() {}

  public static String encode(Map<String, String> sources) {
    StringBuilder b = new StringBuilder();
    sources.forEach((field, source) -> b.append(field).append('=').append(source.replace('\n', ' ')).append('\n'));
    return b.toString();
  }

  public static Map<String, String> decode(String stored) {
    Map<String, String> out = new LinkedHashMap<>();
    if (stored != null) {
      for (String line : stored.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          out.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    return out;
  }
}
