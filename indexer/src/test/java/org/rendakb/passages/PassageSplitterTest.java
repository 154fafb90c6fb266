package org.rendakb.passages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {
  private final PassageSplitter splitter = new PassageSplitter();

  @Test
  void cutsAtSentenceEndsAndKeepsClosingQuotes() {
    String text = "第一条 为了保障残疾人的合法权益，制定本法。第二条 残疾人是指“身体有缺陷的人。”\n第一章 总则\n一、";
    List<Passage> passages = splitter.split(text);
    assertEquals(List.of("第一条 为了保障残疾人的合法权益，制定本法。", "第二条 残疾人是指“身体有缺陷的人。”", "第一章 总则"),
        passages.stream().map(Passage::text).toList());
    for (Passage p : passages) {
      assertEquals(p.text(), text.substring(p.start(), p.end()), "offsets point at the passage");
    }
    assertEquals(List.of(0, 1, 2), passages.stream().map(Passage::position).toList());
  }

  @Test
  void cutsOverlongSentencesAtACommaWithinTheLimit() {
    String clause = "加强和改进人大代表工作，";
    String text = clause.repeat(60) + "完成。";
    List<Passage> passages = new PassageSplitter(4, 100).split(text);
    assertTrue(passages.size() > 5);
    for (Passage p : passages) {
      assertTrue(p.text().length() <= 100, p.text());
      assertTrue(p.text().endsWith("，") || p.text().endsWith("。"), p.text());
    }
    assertEquals(text, String.join("", passages.stream().map(Passage::text).toList()), "nothing lost");
  }

  @Test
  void everySeedSentenceIsFoundAtItsOffsets() throws IOException {
    Path seeds = Path.of(System.getProperty("rendakb.seeds", "../seeds"));
    try (var files = Files.list(seeds)) {
      for (Path file : files.toList()) {
        String text = Files.readString(file);
        List<Passage> passages = splitter.split(text);
        assertTrue(passages.size() > 10, file + " has sentences");
        for (Passage p : passages) {
          assertEquals(p.text(), text.substring(p.start(), p.end()));
          assertTrue(p.text().length() <= 300);
        }
      }
    }
  }
}
