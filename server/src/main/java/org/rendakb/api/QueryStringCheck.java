package org.rendakb.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a query string that is not UTF-8 percent-encoding ({@code %FF%FE}, a cut {@code %C3}, a
 * stray {@code %}). The servlet layer would decode such bytes to U+FFFD or drop them silently, so
 * the search would run on something the user did not type; Jetty refuses the same in a path.
 */
final class QueryStringCheck {
  private QueryStringCheck() {}

  /** Throws a 400 naming the problem; does nothing for a null or valid query string. */
  static void check(String raw) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) != '%') {
        int next = raw.indexOf('%', i);
        byte[] plain = raw.substring(i, next < 0 ? raw.length() : next).getBytes(StandardCharsets.UTF_8);
        bytes.write(plain, 0, plain.length);
        i = (next < 0 ? raw.length() : next) - 1;
        continue;
      }
      int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw ApiException.badRequest("the URL's query has a '%' at character " + (i + 1)
            + " that is not followed by two hex digits: percent-encode it as %25");
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("the URL's query is not valid UTF-8 once percent-decoded: "
          + "encode the text as UTF-8 (代 is %E4%BB%A3)");
    }
  }
}
