package org.rendakb.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run must do, decided by content hash alone: a file whose hash is unchanged is skipped; a
 * changed one is parsed again under its id; a new path whose content the index already holds
 * under a vanished path is a move (re-indexed from stored fields, not parsed); a file gone from a
 * scanned folder is deleted. Pure: no I/O, so every case is testable on lists.
 */
record SyncPlan(
    List<Task> parse, List<Move> moves, List<IndexedFile> deletes, int unchanged) {

  /** A file to parse: added when {@code update} is false, else replacing the document of that id. */
  record Task(SourceFile file, String id, boolean update) {}

  record Move(SourceFile file, IndexedFile from) {}

  static SyncPlan make(List<SourceFile> files, List<IndexedFile> indexed, Set<String> folderRoots) {
    Map<String, IndexedFile> byKey = new HashMap<>();
    for (IndexedFile f : indexed) {
      byKey.put(f.key(), f);
    }
    Set<String> seen = new HashSet<>();
    for (SourceFile f : files) {
      seen.add(f.root() + "\u0000" + f.path());
    }
    // documents whose file is no longer where it was: candidates for a move, else deleted
    Map<String, Deque<IndexedFile>> vanishedByHash = new HashMap<>();
    List<IndexedFile> vanished = new ArrayList<>();
    for (IndexedFile f : indexed) {
      if (!seen.contains(f.key()) && folderRoots.contains(f.root())) {
        vanished.add(f);
        vanishedByHash.computeIfAbsent(f.hash(), h -> new ArrayDeque<>()).add(f);
      }
    }
    Set<String> usedIds = new HashSet<>();
    for (IndexedFile f : indexed) {
      usedIds.add(f.id());
    }

    List<Task> parse = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    Set<String> movedIds = new HashSet<>();
    int unchanged = 0;
    for (SourceFile f : files) {
      IndexedFile known = byKey.get(f.root() + "\u0000" + f.path());
      if (known != null) {
        if (known.hash().equals(f.hash())) {
          unchanged++;
        } else {
          parse.add(new Task(f, known.id(), true));
        }
        continue;
      }
      Deque<IndexedFile> sameContent = vanishedByHash.get(f.hash());
      if (sameContent != null && !sameContent.isEmpty()) {
        IndexedFile from = sameContent.poll();
        moves.add(new Move(f, from));
        movedIds.add(from.id());
      } else {
        parse.add(new Task(f, newId(f, usedIds), false));
      }
    }
    List<IndexedFile> deletes = new ArrayList<>();
    for (IndexedFile f : vanished) {
      if (!movedIds.contains(f.id())) {
        deletes.add(f);
      }
    }
    return new SyncPlan(parse, moves, deletes, unchanged);
  }

  /** A short id derived from where and what the file is, unique among the ids in use. */
  private static String newId(SourceFile f, Set<String> usedIds) {
    for (int attempt = 0; ; attempt++) {
      var digest = SourceScanner.sha256();
      digest.update((f.root() + "\u0000" + f.path() + "\u0000" + f.hash() + "\u0000" + attempt).getBytes(StandardCharsets.UTF_8));
      String id = HexFormat.of().formatHex(digest.digest(), 0, 8);
      if (usedIds.add(id)) {
        return id;
      }
    }
  }
}
