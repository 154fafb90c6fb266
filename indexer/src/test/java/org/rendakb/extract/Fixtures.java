package org.rendakb.extract;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed fixture files (see fixtures/README.md) and comparisons of extracted text with their source. */
final class Fixtures {
  private Fixtures() {}

  static Path dir() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  static String source(String name) throws IOException {
    return Files.readString(file(name), StandardCharsets.UTF_8);
  }

  static Path shared() {
    return Path.of(System.getProperty("rendakb.shared", "../shared"));
  }

  static String han(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** Share of the source's hanzi found in the extracted text in the same order (longest common subsequence). */
  static double hanInOrder(String source, String extracted) {
    String a = han(source);
    String b = han(extracted);
    if (a.isEmpty()) {
      return 1.0;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()] / (double) a.length();
  }
}
