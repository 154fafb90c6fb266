package org.rendakb.metadata;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organ a document is of, as a reader finds it: a law's adopting body (its note); the organ
 * that reports (我代表……人民政府 / 受……常务委员会的委托); a 公文's 署名, else its 发文机关标志; else a
 * congress the text names. Abbreviations are expanded with the document's own place (区人大常委会
 * in a 盐都区 document → 盐城市盐都区人民代表大会常务委员会). Also the place and region.
 */
final class Organs {
  private static final Pattern REPORTER = Pattern.compile(
      "(?:我代表|受)([\\p{IsHan}]{2,30}?(?:人民代表大会常务委员会|人大常委会|人民政府|国务院|常务委员会|委员会|人民法院|人民检察院))(?:的委托|，|,|向)");
  private static final Pattern FULL_CONGRESS = Pattern.compile("([\\p{IsHan}]{2,10}?(?:省|市|区|县))人民代表大会常务委员会");
  private static final Pattern LOCAL_CONGRESS_ABBR = Pattern.compile("([\\p{IsHan}]{0,8}?)(市|区|县|省)人大(常委会)?");

  /** A 信息公开 page's catalogue line naming the organ: 发布机构：湖北省人大常委会办公厅. */
  private static final Pattern CATALOGUED = Pattern.compile("(?m)^(?:发布机构|发文机关|发文单位)\\s*[:：]\\s*([\\p{IsHan}（）()]{3,40})\\s*$");

  private final Gazetteer places;
  private final Divisions divisions;

  Organs(Gazetteer places, Divisions divisions) {
    this.places = places;
    this.divisions = divisions;
  }

  Gazetteer places() {
    return places;
  }

  /** The organ that reports or signs, before any congress the text merely names; null if none. */
  Sourced<String> stated(String head, GongwenElements gongwen, String documentPlace) {
    // a district's city is found by its province: the place of the document, else the one province it names
    String place = documentPlace != null ? documentPlace : onlyProvinceNamed(head);
    Matcher m = REPORTER.matcher(head);
    if (m.find()) {
      return Sourced.of(expand(m.group(1), place), "报告人");
    }
    String mark = gongwen.issuerMark() != null && GongwenElements.ORGAN.matcher(gongwen.issuerMark()).matches()
        ? expand(gongwen.issuerMark(), place) : null;
    if (gongwen.signature() != null) {
      String signed = expand(gongwen.signature(), place);
      // a 署名 whose end OCR or the page edge lost (……常务委) is the organ its 发文机关标志 names in full
      boolean cutShort = mark != null && mark.length() > signed.length() && mark.startsWith(signed);
      return cutShort ? Sourced.of(mark, "发文机关标志") : Sourced.of(signed, "署名");
    }
    if (mark != null) {
      return Sourced.of(mark, "发文机关标志");
    }
    Matcher catalogue = CATALOGUED.matcher(head);
    if (catalogue.find() && GongwenElements.ORGAN.matcher(catalogue.group(1)).matches()) {
      return Sourced.of(expand(catalogue.group(1), place), "发布机构");
    }
    return null;
  }

  private String onlyProvinceNamed(String text) {
    List<String> named = places.mentions(text).stream().map(Map.Entry::getKey).filter(places::isProvinceLevel).map(places::province)
        .distinct().toList();
    return named.size() == 1 ? places.fullProvinceName(named.get(0)) : null;
  }

  /** 人大常委会 → 人民代表大会常务委员会, 市政府 → 市人民政府, a district with its city. */
  String expand(String organ, String place) {
    String o = organ.replace("人大常委会", "人民代表大会常务委员会").replaceFirst("^中华人民共和国(?=国务院)", "");
    if (o.matches(".*[省市区县]政府(办公厅|办公室)?$")) {
      o = o.replaceFirst("([省市区县])政府", "$1人民政府");
    }
    int cut = place == null ? 0 : place.indexOf('市') + 1;
    if (cut > 0 && cut < place.length() && o.startsWith(place.substring(cut))) {
      // 盐都区人民代表大会常务委员会 in a document of 盐城市盐都区
      return place.substring(0, cut) + o;
    }
    return withCity(o, place);
  }

  /** A district's organ named with its city, as it signs itself: 盐都区… → 盐城市盐都区…. */
  private String withCity(String organ, String place) {
    String district = divisions.districtAtStart(organ);
    if (district == null) {
      return organ;
    }
    String city = divisions.cityOfDistrict(district, places.fullProvinceName(places.province(place)));
    return city == null ? organ : city + organ;
  }

  /** A congress the title or head names, in full (the old reading, for texts that state no organ). */
  String named(DocType type, String title, String head, String place) {
    if (type == DocType.GOVERNMENT_WORK_REPORT) {
      return "国务院";
    }
    if (type == DocType.RESOLUTION && title.contains("全国人民代表大会")) {
      return title.contains("常务委员会") ? "全国人民代表大会常务委员会" : "全国人民代表大会";
    }
    if (type == DocType.JUDICIAL_INTERPRETATION) {
      return title.startsWith("最高人民检察院") ? "最高人民检察院" : title.startsWith("最高人民法院") ? "最高人民法院" : null;
    }
    if (type == DocType.ADMINISTRATIVE_REGULATION) {
      return "国务院";
    }
    Matcher full = FULL_CONGRESS.matcher(title + "\n" + head);
    if (full.find()) {
      return full.group(1) + "人民代表大会常务委员会";
    }
    Matcher abbr = LOCAL_CONGRESS_ABBR.matcher(title + "\n" + head);
    while (abbr.find()) {
      String level = abbr.group(2);
      String named = abbr.group(1) + level;
      if (places.province(named) != null) {
        // 盐都区人大 in a text about 盐城市盐都区: the full place name
        return place != null && place.endsWith(named) ? place + "人民代表大会常务委员会" : withCity(named + "人民代表大会常务委员会", place);
      }
      if (place != null && place.endsWith(level)) {
        return place + "人民代表大会常务委员会";
      }
      if (place != null && level.equals("市") && place.contains("市") && place.indexOf("市") < place.length() - 1) {
        return place.substring(0, place.indexOf("市") + 1) + "人民代表大会常务委员会";
      }
    }
    return null;
  }

  /** The province of an organ's own name (山东省人民代表大会常务委员会 → 山东), or null. */
  String regionOf(String organ) {
    if (organ == null) {
      return null;
    }
    if (organ.startsWith("全国") || organ.equals("国务院") || organ.startsWith("最高人民")) {
      return "全国";
    }
    Matcher m = Pattern.compile("^([\\p{IsHan}]{2,12}?(?:自治区|省|市|自治州|区|县))").matcher(organ);
    return m.find() ? places.province(m.group(1)) : null;
  }

  String regionFromPath(String path) {
    for (String segment : path.split("/")) {
      if (segment.endsWith("地方法规")) {
        return places.province(segment.substring(0, segment.length() - 4));
      }
    }
    return null;
  }

  /** The most specific known place the head mentions: a district beats a city beats a province. */
  String mostSpecificPlace(String title, String head) {
    // a place named once in passing (an example from another city) is not where the document is
    // from, unless its province is named too
    var all = places.mentions(title + "\n" + head);
    var provinces = all.stream().filter(e -> places.isProvinceLevel(e.getKey())).map(e -> places.province(e.getKey())).toList();
    var mentions = all.stream()
        .filter(e -> e.getValue() >= 2 || title.contains(e.getKey()) || title.contains(e.getKey().substring(0, e.getKey().length() - 1))
            || (!places.isProvinceLevel(e.getKey()) && provinces.contains(places.province(e.getKey()))))
        .toList();
    String best = null;
    for (var e : mentions) {
      String place = e.getKey();
      if (best == null || (places.isProvinceLevel(best) && !places.isProvinceLevel(place))
          || (best.endsWith("市") && place.endsWith("区") && places.province(place).equals(places.province(best)))) {
        best = place;
      }
    }
    if (best != null && best.endsWith("区") && !places.isProvinceLevel(best)) {
      // a district is named with its city when the text names the city too: 盐城市盐都区
      for (var e : mentions) {
        if (e.getKey().endsWith("市") && places.province(e.getKey()).equals(places.province(best))) {
          return e.getKey() + best;
        }
      }
      // and when it does not, with the city it is in
      String city = divisions.cityOfDistrict(best, places.fullProvinceName(places.province(best)));
      return city == null ? best : city + best;
    }
    return best;
  }
}
