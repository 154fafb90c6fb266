package org.rendakb.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches Javalin (a URI or headers too long,
 * bad UTF-8 or a NUL in the path, a malformed request line), in the API's JSON shape instead of
 * Jetty's HTML page, with a message that says what to change and never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Every method gets the JSON body and the security headers: Jetty's default writes a body for
   * GET, POST and HEAD only, so a raw HTTP/2 preface ({@code PRI *}) got an empty 426.
   */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    byte[] body = body(code, message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.getHeaders().put("Content-Security-Policy", App.CONTENT_SECURITY_POLICY);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static String message(int code, String reason) {
    String detail = reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
    return switch (code) {
      case 400 -> "the request is malformed" + detail
          + ": write the URL in UTF-8 with percent-encoding (%E4%BB%A3 for 代), without NUL or control characters";
      case 414 -> "the URL is too long" + detail + ": search for the key words or phrases, not a whole text";
      case 431 -> "the request headers are too large" + detail;
      case 404 -> "no such page or API";
      case 405 -> "this method is not allowed here" + detail;
      case 426 -> "this server speaks HTTP/1.1 only; send the request without the HTTP/2 preface";
      default -> "the request could not be served" + detail;
    };
  }

  private static byte[] body(int code, String reason) {
    try {
      return JSON.writeValueAsString(new ErrorBody(message(code, reason))).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "{\"error\":\"bad request\"}".getBytes(StandardCharsets.UTF_8);
    }
  }
}
