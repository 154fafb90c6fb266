package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncPlanTest {
  private static final String ROOT = "/data/in";

  private static SourceFile file(String path, String hash) {
    return new SourceFile(ROOT, path, Path.of(ROOT, path), 10, hash);
  }

  private static IndexedFile indexed(String id, String path, String hash) {
    return new IndexedFile(id, ROOT, path, hash, 0);
  }

  @Test
  void unchangedChangedNewMovedAndDeletedFiles() {
    List<SourceFile> files = List.of(
        file("same.txt", "h1"), file("changed.txt", "h2-new"), file("new.txt", "h3"), file("renamed.txt", "h4"));
    List<IndexedFile> index = List.of(
        indexed("a", "same.txt", "h1"), indexed("b", "changed.txt", "h2"), indexed("c", "old-name.txt", "h4"),
        indexed("d", "gone.txt", "h5"));
    SyncPlan plan = SyncPlan.make(files, index, Set.of(ROOT));

    assertEquals(1, plan.unchanged());
    assertEquals(2, plan.parse().size());
    SyncPlan.Task changed = plan.parse().get(0);
    assertEquals("changed.txt", changed.file().path());
    assertEquals("b", changed.id(), "a changed file keeps its id");
    assertTrue(changed.update());
    SyncPlan.Task added = plan.parse().get(1);
    assertEquals("new.txt", added.file().path());
    assertTrue(!added.update());
    assertEquals(1, plan.moves().size());
    assertEquals("c", plan.moves().get(0).from().id(), "a renamed file is recognised by its hash");
    assertEquals(List.of("d"), plan.deletes().stream().map(IndexedFile::id).toList());
  }

  @Test
  void filesOfOtherRootsAreNeitherDeletedNorMoved() {
    IndexedFile elsewhere = new IndexedFile("x", "/other", "a.txt", "h1", 0);
    SyncPlan plan = SyncPlan.make(List.of(file("b.txt", "h1")), List.of(elsewhere), Set.of(ROOT));
    assertEquals(List.of(), plan.deletes());
    assertEquals(List.of(), plan.moves(), "a copy is not a move when the original is still indexed");
    assertEquals(1, plan.parse().size());
  }

  @Test
  void newIdsAreUniqueEvenForIdenticalCopies() {
    SyncPlan plan = SyncPlan.make(List.of(file("a.txt", "h"), file("b.txt", "h")), List.of(), Set.of(ROOT));
    assertNotEquals(plan.parse().get(0).id(), plan.parse().get(1).id());
  }
}
