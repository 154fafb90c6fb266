package org.rendakb.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexSchemaTest {
  @Test
  void idOrderSortsIdsAsTheirStringsSort() {
    // the edges of the signed and unsigned ranges, then random ids as SyncPlan makes them
    List<String> ids = new ArrayList<>(List.of("0000000000000000", "0000000000000001", "7fffffffffffffff",
        "8000000000000000", "8000000000000001", "fffffffffffffffe", "ffffffffffffffff"));
    Random random = new Random(5);
    for (int i = 0; i < 10_000; i++) {
      byte[] bytes = new byte[8];
      random.nextBytes(bytes);
      ids.add(HexFormat.of().formatHex(bytes));
    }
    List<String> byString = ids.stream().sorted().toList();
    List<String> byOrder = ids.stream().sorted(Comparator.comparingLong(IndexSchema::idOrder)).toList();
    assertEquals(byString, byOrder);
  }

  @Test
  void anIdThisIndexerDoesNotMakeSortsLast() {
    assertEquals(Long.MAX_VALUE, IndexSchema.idOrder("not-hex"));
    assertEquals(Long.MAX_VALUE, IndexSchema.idOrder("ff"));
    assertEquals(Long.MAX_VALUE, IndexSchema.idOrder("0123456789abcdefg"));
  }
}
