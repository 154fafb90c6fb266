package org.rendakb.search.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.rendakb.schema.Fields;

/**
 * The versions of one law in one reader: file documents of a legal type with the same title and
 * type (农药管理条例 of 2017 and of 2022; also one text filed under two folders). Built once per
 * reader from its live files' {@link FileMetadata}; immutable.
 */
public final class Versions {
  /** Types whose documents are versions of each other when their titles match; a speech's title is no law's name. */
  static final Set<String> LEGAL_TYPES = Set.of("法律", "地方性法规", "行政法规", "司法解释", "部门规章");

  /** One version: its Lucene doc id in this reader, and what a hit lists of it. */
  public record Version(int doc, String id, String path, String date, Integer year) {}

  private static final Comparator<Version> NEWEST_FIRST = Comparator
      .comparing((Version v) -> v.date() == null ? "" : v.date()).reversed().thenComparing(Version::id);

  /** No versions: every document its own hit. */
  public static final Versions NONE = new Versions(Map.of(), List.of(), null);

  private final Map<Integer, Integer> groupOf;
  private final List<List<Version>> groups;
  private final Query members;

  private Versions(Map<Integer, Integer> groupOf, List<List<Version>> groups, Query members) {
    this.groupOf = groupOf;
    this.groups = groups;
    this.members = members;
  }

  static Versions build(List<ReaderSearcher.LiveFile> files) {
    Map<String, List<Version>> byTitle = new LinkedHashMap<>();
    for (ReaderSearcher.LiveFile live : files) {
      FileMetadata f = live.file();
      if (f.title() != null && !f.title().isBlank() && LEGAL_TYPES.contains(f.type())) {
        byTitle.computeIfAbsent(f.type() + "\u0000" + f.title().strip(), k -> new ArrayList<>())
            .add(new Version(live.doc(), f.id(), f.path(), f.date(), f.year()));
      }
    }
    Map<Integer, Integer> groupOf = new HashMap<>();
    List<List<Version>> groups = new ArrayList<>();
    List<BytesRef> ids = new ArrayList<>();
    for (List<Version> group : byTitle.values()) {
      if (group.size() < 2) {
        continue;
      }
      group.sort(NEWEST_FIRST);
      group.forEach(v -> {
        groupOf.put(v.doc(), groups.size());
        ids.add(new BytesRef(v.id()));
      });
      groups.add(List.copyOf(group));
    }
    return new Versions(groupOf, List.copyOf(groups), ids.isEmpty() ? null : new TermInSetQuery(Fields.ID, ids));
  }

  /** The group of a Lucene doc id, or -1 for a document with no other version. */
  public int group(int doc) {
    return groupOf.getOrDefault(doc, -1);
  }

  /** The versions of a group, newest first (undated last). */
  public List<Version> members(int group) {
    return groups.get(group);
  }

  /** The versions of the law the document with this id belongs to, newest first; empty when it has no other. */
  public List<Version> ofId(String id) {
    for (List<Version> group : groups) {
      if (group.stream().anyMatch(v -> v.id().equals(id))) {
        return group;
      }
    }
    return List.of();
  }

  /** How many documents can be folded into another version's hit at most: all versions but one per law. */
  public int foldable() {
    return groupOf.size() - groups.size();
  }

  /** How many laws have two or more versions. */
  public int laws() {
    return groups.size();
  }

  /** Every document that has another version, or null when there is none. */
  public Query members() {
    return members;
  }
}
