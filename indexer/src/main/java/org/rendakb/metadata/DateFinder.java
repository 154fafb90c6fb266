package org.rendakb.metadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Chinese documents write them: 2025年3月8日, 二〇二五年三月八日, ２０２５年３月８日 (folded
 * before matching), 2019 年 3 月 12 日 (PDF spacing), 2025-03-08, 2025/3/8, 2025.3.8.
 */
final class DateFinder {
  private static final String CN = "〇○零一二三四五六七八九十";
  private static final Pattern CHINESE_DATE = Pattern.compile(
      "([0-9]{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*日");
  private static final Pattern NUMERIC_DATE = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])");
  private static final Pattern YEAR = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})\\s*年|([〇○零一二三四五六七八九]{4})\\s*年");

  record Found(LocalDate date, int start, int end) {}

  static String foldDigits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c);
    }
    return b.toString();
  }

  /** Every date in the text, in order; {@code text} must already have its digits folded. */
  static List<Found> all(String text) {
    List<Found> out = new ArrayList<>();
    Matcher m = CHINESE_DATE.matcher(text);
    while (m.find()) {
      LocalDate d = date(number(m.group(1)), number(m.group(2)), number(m.group(3)));
      if (d != null) {
        out.add(new Found(d, m.start(), m.end()));
      }
    }
    m = NUMERIC_DATE.matcher(text);
    while (m.find()) {
      LocalDate d = date(number(m.group(1)), number(m.group(2)), number(m.group(3)));
      if (d != null) {
        out.add(new Found(d, m.start(), m.end()));
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  /** The year the text mentions most (ties: the earlier), ignoring far-off plan years. */
  static Integer mostMentionedYear(String text, int notAfter) {
    Map<Integer, Integer> counts = new HashMap<>();
    Matcher m = YEAR.matcher(text);
    while (m.find()) {
      int y = number(m.group(1) != null ? m.group(1) : m.group(2));
      if (y >= 1949 && y <= notAfter) {
        counts.merge(y, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(b.getKey(), a.getKey()) : Integer.compare(a.getValue(), b.getValue()))
        .map(Map.Entry::getKey).orElse(null);
  }

  private static LocalDate date(int y, int m, int d) {
    if (y < 1900 || y > 2100) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** 2025 / 二〇二五 / 十二 / 三十一 → int. */
  static int number(String s) {
    if (s.chars().allMatch(Character::isDigit) && s.chars().allMatch(c -> c < 128)) {
      return Integer.parseInt(s);
    }
    if (s.length() == 4 && s.indexOf('十') < 0) {
      int v = 0;
      for (char c : s.toCharArray()) {
        v = v * 10 + digit(c);
      }
      return v;
    }
    int tens = s.indexOf('十');
    if (tens < 0) {
      return digit(s.charAt(0));
    }
    int high = tens == 0 ? 1 : digit(s.charAt(tens - 1));
    int low = tens == s.length() - 1 ? 0 : digit(s.charAt(tens + 1));
    return high * 10 + low;
  }

  private static int digit(char c) {
    int i = CN.indexOf(c);
    if (i < 0) {
      return 0;
    }
    return i <= 2 ? 0 : i - 2;
  }
}
