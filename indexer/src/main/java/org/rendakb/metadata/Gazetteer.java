package org.rendakb.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provinces, their cities and some districts (places.txt), the names a text is searched for: which
 * province a place is in. Any other city or county a document names is placed by {@link Divisions}.
 */
final class Gazetteer {
  /** full or short province name, or a place → province short name */
  private final Map<String, String> provinceOf = new HashMap<>();
  private final Map<String, String> fullProvince = new LinkedHashMap<>();
  /** place → the city it belongs to, for districts listed under a city-bearing province line */
  private final List<String> placesLongestFirst = new ArrayList<>();

  private final Divisions divisions;

  Gazetteer(Divisions divisions) {
    this.divisions = divisions;
    for (String line : Resources.lines("places.txt")) {
      String[] head = line.split("\\|", -1);
      String[] names = head[0].split(":");
      String shortName = names[0];
      fullProvince.put(shortName, names[1]);
      provinceOf.put(shortName, shortName);
      provinceOf.put(names[1], shortName);
      if (head.length > 1 && !head[1].isBlank()) {
        for (String place : head[1].split(",")) {
          provinceOf.put(place, shortName);
          placesLongestFirst.add(place);
        }
      }
      placesLongestFirst.add(names[1]);
    }
    placesLongestFirst.sort(Comparator.comparingInt(String::length).reversed());
  }

  /** The province (short name) of a place name, or null. Accepts names without 市/省 suffix. */
  String province(String place) {
    if (place == null) {
      return null;
    }
    String p = provinceOf.get(place);
    if (p == null) {
      p = provinceOf.get(place + "市");
    }
    if (p == null) {
      p = provinceOf.get(place + "省");
    }
    if (p == null) {
      p = ofDivision(place);
    }
    if (p == null && place.contains("市") && place.indexOf("市") < place.length() - 1) {
      // 盐城市盐都区: the city decides
      String city = place.substring(0, place.indexOf("市") + 1);
      p = provinceOf.containsKey(city) ? provinceOf.get(city) : ofDivision(city);
    }
    return p;
  }

  /** Any other city or county (昭通市, 沭阳县), by the divisions: a province's short name or null. */
  private String ofDivision(String place) {
    String full = divisions.province(place);
    if (full == null && !place.endsWith("市")) {
      full = divisions.province(place + "市");
    }
    return full == null ? null : provinceOf.get(full);
  }

  String fullProvinceName(String shortName) {
    return fullProvince.get(shortName);
  }

  boolean isProvinceLevel(String place) {
    return fullProvince.containsValue(place) || fullProvince.containsKey(place);
  }

  /** The known place names occurring in a text, with their counts, most frequent first. */
  List<Map.Entry<String, Integer>> mentions(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String place : placesLongestFirst) {
      String bare = place.length() > 2 ? place.substring(0, place.length() - 1) : place;
      int n = count(text, place);
      if (n == 0 && bare.length() >= 2 && !place.endsWith("区")) {
        n = count(text, bare);
      }
      if (n > 0) {
        counts.put(place, n);
      }
    }
    List<Map.Entry<String, Integer>> out = new ArrayList<>(counts.entrySet());
    out.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    return out;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
