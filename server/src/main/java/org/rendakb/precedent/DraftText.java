package org.rendakb.precedent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rendakb.schema.MatchingText;

/**
 * The comparable form of a drafter's text or of a passage: in {@link MatchingText}'s form (width,
 * traditional forms and case folded), officialese variants mapped to one form (构建 → 建立, 应 →
 * 应当 …), numbers written one way (三十日, ３０日 → 30日), punctuation and spaces dropped. Two texts that a drafter would call
 * "the same sentence" get close bigram sets in this form.
 */
public final class DraftText {
  private DraftText() {}

  /** Variant → canonical form, longest variants first so 依照法律 wins over 法律. */
  private static final String[][] CANONICAL = {
    {"依照法律", "依法"}, {"贯彻落实", "落实"}, {"组织开展", "组织"}, {"监督管理", "监管"}, {"相关部门", "有关部门"},
    {"人民政府", "政府"}, {"构建", "建立"}, {"推动", "推进"}, {"强化", "加强"}, {"健全", "完善"}, {"提升", "提高"},
    {"进行", "开展"}, {"保证", "保障"}, {"规范", "规定"}, {"尽快", "及时"}, {"采用", "采取"}, {"制订", "制定"},
    {"必须", "应当"}, {"促进", "推进"},
  };

  private static final String NUMERALS = "零〇一二三四五六七八九十百千";
  private static final String COUNTERS = "日天个年月项人万元倍次周条款章节";
  private static final String CN_DIGITS = "零一二三四五六七八九";

  /** Folds and drops everything but letters and digits: the form exact matching compares. */
  public static String folded(String text) {
    String f = MatchingText.of(text);
    StringBuilder b = new StringBuilder(f.length());
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@link #folded} plus canonical variants and Arabic numbers: the form similarity compares. */
  static String canonical(String text) {
    return canonicalOfFolded(folded(text));
  }

  /** {@link #canonical} of a text already {@link #folded}, for callers that need both forms. */
  static String canonicalOfFolded(String folded) {
    String s = folded;
    // "应" alone is the short form of 应当; mark 应当 first so it is not doubled
    s = s.replace("应当", "\u0001").replace("应", "应当").replace("\u0001", "应当");
    for (String[] pair : CANONICAL) {
      s = s.replace(pair[0], pair[1]);
    }
    return arabicNumbers(s);
  }

  /**
   * Chinese numbers of two or more chars, or one before a counter, as Arabic digits. A scan, not a
   * regular expression: this runs over each of a precedent search's 150 candidate passages, and the
   * character-class regex was a tenth of the search.
   */
  static String arabicNumbers(String s) {
    StringBuilder out = null;
    int last = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (NUMERALS.indexOf(s.charAt(i)) < 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && NUMERALS.indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      boolean counter = i < n && COUNTERS.indexOf(s.charAt(i)) >= 0;
      Integer value = (i - start >= 2 || counter) ? value(s.substring(start, i)) : null;
      if (value != null) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(s, last, start).append(value);
        last = i;
      }
    }
    return out == null ? s : out.append(s, last, n).toString();
  }

  /** 三十五 → 35, 一百零五 → 105, 二〇二五 → 2025 (digit by digit when there is no unit). */
  private static Integer value(String s) {
    int total = 0;
    int current = 0;
    boolean hasUnit = false;
    for (char c : s.replace('〇', '零').toCharArray()) {
      int d = CN_DIGITS.indexOf(c);
      if (d >= 0) {
        current = hasUnit ? d : current * 10 + d;
        continue;
      }
      int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : -1;
      if (unit < 0) {
        return null;
      }
      hasUnit = true;
      total += (current == 0 ? 1 : current) * unit;
      current = 0;
    }
    return total + current;
  }

  /** The distinct overlapping char bigrams of a comparable form (a single char is its own gram). */
  static Set<String> bigrams(String form) {
    Set<String> grams = new HashSet<>();
    if (form.length() == 1) {
      grams.add(form);
    }
    for (int i = 0; i + 2 <= form.length(); i++) {
      grams.add(form.substring(i, i + 2));
    }
    return grams;
  }

  /** Query-side variants worth searching for: the text as typed and its canonical form. */
  static List<String> searchForms(String text) {
    List<String> forms = new ArrayList<>();
    forms.add(folded(text));
    String canonical = canonical(text);
    if (!canonical.equals(forms.get(0))) {
      forms.add(canonical);
    }
    return forms;
  }
}
