package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FinalMergeTest {
  @Test
  void autoMergesIntoOneSegmentOnlyAfterABulkLoad() {
    FinalMerge auto = FinalMerge.parse(" Auto ");
    assertEquals(FinalMerge.AFTER_BULK_LOAD, auto);
    assertEquals(1, auto.segmentsAfter(true));
    assertEquals(0, auto.segmentsAfter(false));
  }

  @Test
  void aNumberMergesAfterEveryRunAndZeroNever() {
    assertEquals(3, FinalMerge.parse("3").segmentsAfter(false));
    assertEquals(3, FinalMerge.parse("3").segmentsAfter(true));
    assertEquals(0, FinalMerge.parse("0").segmentsAfter(true));
  }

  @Test
  void anythingElseIsRefusedWithWhatIsExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FinalMerge.parse("one"));
    assertTrue(e.getMessage().contains("'auto' or a number"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FinalMerge.parse("-1"));
  }
}
