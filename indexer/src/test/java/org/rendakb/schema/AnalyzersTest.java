package org.rendakb.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

  static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void traditionalAndFullWidthFoldToTheSameTerms() throws IOException {
    Analyzer bigrams = Analyzers.bigrams();
    assertEquals(terms(bigrams, "国务院政府工作报告２０２５"), terms(bigrams, "國務院政府工作報告2025"));
    Analyzer words = Analyzers.words();
    assertEquals(terms(words, "人民代表大会"), terms(words, "人民代表大會"));
  }

  @Test
  void bigramsFindWordsInsideLongerSegments() throws IOException {
    assertTrue(terms(Analyzers.bigrams(), "北京大学的学生").contains("大学"));
  }

  @Test
  void offsetsPointAtTheOriginalTraditionalText() throws IOException {
    String text = "全國人民代表大會常務委員會";
    try (TokenStream ts = Analyzers.bigrams().tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        assertEquals(2, offset.endOffset() - offset.startOffset());
        assertEquals(term.toString(), FoldingCharFilter.fold(text.substring(offset.startOffset(), offset.endOffset())));
      }
      ts.end();
    }
  }
}
