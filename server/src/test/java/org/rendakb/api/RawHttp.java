package org.rendakb.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, bytes exactly as given: for requests a client library
 * would refuse or normalise (HEAD whose body must be absent, a raw HTTP/2 preface, a body that
 * stalls). Every read has a timeout, so a test never hangs.
 */
final class RawHttp implements AutoCloseable {
  static final int READ_TIMEOUT_MILLIS = 30_000;

  /** A parsed answer; {@code body} is everything after the head up to the close (not unchunked). */
  record Answer(int status, Map<String, String> headers, String body, long millis) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket = new Socket();
  private final long opened = System.nanoTime();

  RawHttp(int port) throws IOException {
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
  }

  /** One request sent whole on a connection that closes after it. */
  static Answer exchange(int port, String request) throws IOException {
    try (RawHttp c = new RawHttp(port)) {
      c.send(request.getBytes(StandardCharsets.UTF_8));
      return c.answer();
    }
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads until the server closes the connection (or the answer's Content-Length is reached). */
  Answer answer() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headEnd = -1;
    long length = -1;
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        raw.write(buffer, 0, n);
        String sofar = raw.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && (headEnd = sofar.indexOf("\r\n\r\n")) >= 0) {
          length = contentLength(sofar.substring(0, headEnd));
        }
        if (headEnd >= 0 && length >= 0 && raw.size() >= headEnd + 4 + length) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      if (headEnd < 0) {
        throw e;
      }
    } catch (IOException e) {
      // a reset after the answer was read still leaves the answer
      if (headEnd < 0) {
        throw e;
      }
    }
    long millis = (System.nanoTime() - opened) / 1_000_000;
    String all = raw.toString(StandardCharsets.UTF_8);
    int end = all.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete answer: " + all);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String[] lines = all.substring(0, end).split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, all.substring(end + 4), millis);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).strip());
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
