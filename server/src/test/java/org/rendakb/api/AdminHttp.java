package org.rendakb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real HTTP client for the admin endpoints: a bearer token (or none), multipart bodies built by
 * hand byte for byte (so a test can send any file name, even one with a NUL), every header kept.
 */
final class AdminHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  AdminHttp(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  AdminHttp withToken(String other) {
    return new AdminHttp(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
  }

  record Answer(int status, HttpHeaders headers, byte[] body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A multipart form: the file part (name, declared content type, bytes) and text fields. */
  static final class Form {
    private final String boundary = "----rendakb" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Form file(String fileName, String contentType, byte[] content) {
      return part("Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
          + "Content-Type: " + contentType + "\r\n", content);
    }

    /** The file part with its name given RFC 5987 style, percent-encoded: bytes no header may carry raw. */
    Form fileEncoded(String encodedName, String contentType, byte[] content) {
      return part("Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''" + encodedName + "\r\n"
          + "Content-Type: " + contentType + "\r\n", content);
    }

    Form field(String name, String value) {
      return part("Content-Disposition: form-data; name=\"" + name + "\"\r\n", value.getBytes(StandardCharsets.UTF_8));
    }

    private Form part(String headers, byte[] content) {
      out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(out.toByteArray());
      all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return all.toByteArray();
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }
  }

  Answer upload(Form form) throws IOException, InterruptedException {
    return send(request("/api/documents").header("Content-Type", form.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
  }

  /** The form announced with its length and {@code Expect: 100-continue}, as curl sends large bodies. */
  Answer uploadExpectingContinue(Form form) throws IOException, InterruptedException {
    return send(request("/api/documents").header("Content-Type", form.contentType()).expectContinue(true)
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
  }

  /** The same form sent chunked, without a Content-Length for the server to check up front. */
  Answer uploadChunked(Form form) throws IOException, InterruptedException {
    byte[] body = form.bytes();
    return send(request("/api/documents").header("Content-Type", form.contentType())
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
  }

  Answer delete(String id) throws IOException, InterruptedException {
    return send(request("/api/documents/" + id).DELETE());
  }

  Answer post(String path) throws IOException, InterruptedException {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  Answer get(String path, String... params) throws IOException, InterruptedException {
    StringBuilder url = new StringBuilder(path);
    for (int i = 0; i < params.length; i += 2) {
      url.append(i == 0 ? '?' : '&').append(params[i]).append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return send(request(url.toString()).GET());
  }

  /** Any method with extra headers, given as alternating names and values. */
  Answer send(String method, String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** The total of a search, expecting 200. */
  long total(String q) throws IOException, InterruptedException {
    Answer a = get("/api/search", "q", q);
    if (a.status() != 200) {
      throw new AssertionError("search answered " + a.status() + ": " + a.text());
    }
    return a.json().get("total").asLong();
  }

  /** Ids of the search hits. */
  List<String> ids(String q) throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    get("/api/search", "q", q, "size", "100").json().get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(r.statusCode(), r.headers(), r.body());
  }
}
