package org.rendakb.search;

import java.util.Arrays;
import java.util.Optional;

/** Result orders; every order breaks ties by document id so that pages are stable. */
public enum SortOrder {
  RELEVANCE("relevance"),
  DATE_DESC("date_desc"),
  DATE_ASC("date_asc");

  public final String param;

  SortOrder(String param) {
    this.param = param;
  }

  public static Optional<SortOrder> fromParam(String s) {
    return Arrays.stream(values()).filter(o -> o.param.equals(s)).findFirst();
  }
}
