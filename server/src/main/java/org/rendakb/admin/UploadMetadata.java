package org.rendakb.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rendakb.errors.RefusedException;
import org.rendakb.metadata.DocType;

/**
 * The metadata fields of an upload form, checked and turned into the content of a sidecar
 * ({@code NAME.meta.json}, read by {@link org.rendakb.metadata.Sidecar}), so that they override what
 * is read from the text exactly as a sidecar beside an indexed file does, and stay with the stored
 * original. A field name that is not a metadata field is refused rather than silently ignored.
 */
public final class UploadMetadata {
  static final Set<String> FIELDS = Set.of("title", "date", "year", "type", "body", "committee", "region", "place",
      "term", "meeting", "speaker", "laws");
  static final int MAX_CHARS = 1000;

  private UploadMetadata() {}

  /** The sidecar content for these form fields (the file field excluded); empty when none is given. */
  public static Map<String, Object> sidecar(Map<String, List<String>> form) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> field : form.entrySet()) {
      String name = field.getKey();
      List<String> values = field.getValue().stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
      if (!FIELDS.contains(name)) {
        throw RefusedException.invalid("unknown field " + name + "; an upload takes the form field file and the metadata fields "
            + FIELDS.stream().sorted().collect(Collectors.joining(", ")));
      }
      if (values.isEmpty()) {
        continue;
      }
      for (String v : values) {
        if (v.length() > MAX_CHARS) {
          throw RefusedException.invalid(name + " is " + v.length() + " characters long; at most " + MAX_CHARS);
        }
      }
      if (name.equals("laws")) {
        out.put(name, values);
        continue;
      }
      if (values.size() > 1) {
        throw RefusedException.invalid(name + " is given " + values.size() + " times; give it once");
      }
      out.put(name, value(name, values.getFirst()));
    }
    return out;
  }

  private static Object value(String name, String v) {
    return switch (name) {
      case "date" -> {
        try {
          yield LocalDate.parse(v).toString();
        } catch (DateTimeParseException e) {
          throw RefusedException.invalid("date must be YYYY-MM-DD, got " + v);
        }
      }
      case "year" -> {
        try {
          int year = Integer.parseInt(v);
          if (year < 1000 || year > 9999) {
            throw new NumberFormatException();
          }
          yield year;
        } catch (NumberFormatException e) {
          throw RefusedException.invalid("year must be a four-digit year, got " + v);
        }
      }
      case "type" -> {
        if (DocType.fromLabel(v).isEmpty()) {
          throw RefusedException.invalid("unknown type " + v + "; known: "
              + Arrays.stream(DocType.values()).map(t -> t.label).collect(Collectors.joining(", ")));
        }
        yield v;
      }
      default -> v;
    };
  }
}
