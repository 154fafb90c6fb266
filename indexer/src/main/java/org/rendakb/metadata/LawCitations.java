package org.rendakb.metadata;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Laws and regulations cited as 《…》, normalised so that one law has one name: whitespace removed,
 * 〈〉 inside a title read as nested 《》, a national law's short form (《残疾人保障法》) given its
 * full title (中华人民共和国残疾人保障法). Books, newspapers and speeches in 《》 are not laws.
 */
public final class LawCitations {
  static final String NATIONAL_PREFIX = "中华人民共和国";
  private static final Pattern CITATION = Pattern.compile("《([^《》]{2,80})》");
  private static final Pattern LAW_NAME = Pattern.compile(
      ".*(法|法典|条例|规定|办法|决定|决议|细则|规则|解释|规程|章程|实施意见|若干意见|公约|宪法)(（[^）]*）|\\([^)]*\\))?$");
  private static final Pattern NOT_A_LAW = Pattern.compile("^(论|关于学习|习近平|毛泽东|邓小平).*|.*(报|日报|杂志|文选|选集|讲话|论述|方法)$");

  private final Set<String> nationalLaws = new HashSet<>(Resources.lines("national-laws.txt"));

  /** Cited laws in order of first citation, without the document's own title. */
  public List<String> extract(String text, String ownTitle) {
    String own = ownTitle == null ? "" : normalise(ownTitle);
    Set<String> laws = new LinkedHashSet<>();
    // 〈〉 nested inside 《》 become the inner citation too
    String t = text.replace('〈', '《').replace('〉', '》').replace('＜', '《').replace('＞', '》');
    Matcher m = CITATION.matcher(t);
    while (m.find()) {
      String name = normalise(m.group(1));
      if (isLaw(name) && !name.equals(own)) {
        laws.add(name);
      }
    }
    return List.copyOf(laws);
  }

  /** The canonical name of a law title as written (with or without 《》, spaces, short form). */
  public String normalise(String name) {
    String n = name.replaceAll("[\\s\\u3000]+", "").replace("《", "").replace("》", "").replace('〈', '《').replace('〉', '》');
    n = n.replaceAll("（[0-9０-９]{4}年?修[订正]）$", "");
    if (!n.startsWith(NATIONAL_PREFIX) && nationalLaws.contains(NATIONAL_PREFIX + n)) {
      return NATIONAL_PREFIX + n;
    }
    return n;
  }

  static boolean isLaw(String name) {
    return name.length() >= 3 && LAW_NAME.matcher(name).matches() && !NOT_A_LAW.matcher(name).matches();
  }
}
