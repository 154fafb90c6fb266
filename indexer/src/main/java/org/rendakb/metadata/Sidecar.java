package org.rendakb.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue entry beside a file, {@code NAME.meta.json}, overriding what was read from the text:
 * a catalogue always beats a guess. Fields are DocumentMetadata's names; {@code type} is the
 * Chinese label, {@code date} YYYY-MM-DD, {@code laws} an array; {@code doc_number}, {@code addressee}
 * and {@code signer} the 公文 elements. Each field it gives has "sidecar" as its source.
 */
public final class Sidecar {
  private Sidecar() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static DocumentMetadata apply(DocumentMetadata m, Path sidecarJson) throws IOException {
    JsonNode n;
    try {
      n = JSON.readTree(sidecarJson.toFile());
    } catch (IOException e) {
      throw new IOException("not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    if (n == null || !n.isObject()) {
      throw new IOException("a JSON object is expected");
    }
    LocalDate date = m.date();
    Integer year = m.year();
    if (n.hasNonNull("date")) {
      try {
        date = LocalDate.parse(n.get("date").asText());
        year = date.getYear();
      } catch (DateTimeParseException e) {
        throw new IOException("date must be YYYY-MM-DD, got " + n.get("date").asText(), e);
      }
    }
    if (n.hasNonNull("year")) {
      year = n.get("year").asInt();
    }
    DocType type = m.type();
    if (n.hasNonNull("type")) {
      String label = n.get("type").asText();
      type = DocType.fromLabel(label).orElseThrow(() -> new IOException("unknown type " + label));
    }
    List<String> laws = m.laws();
    if (n.has("laws")) {
      laws = new ArrayList<>();
      for (JsonNode law : n.get("laws")) {
        laws.add(law.asText());
      }
    }
    OfficialElements o = m.official();
    String number = text(n, "doc_number", o.docNumber());
    String normalised = OfficialElements.normaliseDocNumber(number);
    OfficialElements official = new OfficialElements(normalised != null ? normalised : number,
        text(n, "addressee", o.addressee()), text(n, "signer", o.signer()), o.published());
    // what the catalogue gives, it is the source of
    Map<String, String> sources = new LinkedHashMap<>(m.sources());
    n.fieldNames().forEachRemaining(field -> sources.put(field, "sidecar"));
    return new DocumentMetadata(text(n, "title", m.title()), date, year, type, text(n, "body", m.body()),
        text(n, "committee", m.committee()), text(n, "region", m.region()), text(n, "place", m.place()),
        text(n, "term", m.term()), text(n, "meeting", m.meeting()), text(n, "speaker", m.speaker()), laws, official, sources);
  }

  private static String text(JsonNode n, String field, String fallback) {
    return n.hasNonNull(field) ? n.get(field).asText() : fallback;
  }
}
