package org.rendakb.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.rendakb.clean.HtmlCleaner;
import org.rendakb.clean.TextCleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Reads the text of one file with Tika, bounded in size and time, and cleans it. Thread-safe: one
 * AutoDetectParser for the process, a new Metadata, handler and ParseContext per file.
 *
 * <p>Parsing runs on a watchdog thread: a parser that hangs on a hostile file is abandoned after
 * {@link ExtractorLimits#timeout()} and the file reported, while the run goes on. Embedded
 * documents are not parsed (ParseContext has no Parser), which also keeps memory bounded.
 */
public final class Extractor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Extractor.class);
  private static final MediaType HTML = MediaType.text("html");
  private static final MediaType XHTML = MediaType.application("xhtml+xml");

  private final ExtractorLimits limits;
  private final AutoDetectParser parser = new AutoDetectParser();
  private final TextCleaner cleaner = new TextCleaner();
  private final HtmlCleaner htmlCleaner = new HtmlCleaner();
  private final ExecutorService watchdog =
      Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("tika-parse-", 0).factory());

  public Extractor() {
    this(ExtractorLimits.defaults());
  }

  public Extractor(ExtractorLimits limits) {
    this.limits = limits;
  }

  public ExtractedText extract(Path file) throws ExtractionException {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ExtractionException("cannot read the file: " + e.getMessage(), e);
    }
    if (size == 0) {
      throw new ExtractionException("empty file");
    }
    if (size > limits.maxFileBytes()) {
      throw new ExtractionException(String.format("file too large (%d MB, the limit is %d MB)",
          size >> 20, limits.maxFileBytes() >> 20));
    }
    return bounded(() -> {
      Metadata metadata = new Metadata();
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
      try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
        return parse(in, metadata);
      }
    });
  }

  /** For uploads: the stream is read within the same bounds; the name helps type detection. */
  public ExtractedText extract(InputStream stream, String fileName) throws ExtractionException {
    return bounded(() -> {
      Metadata metadata = new Metadata();
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
      try (TikaInputStream in = TikaInputStream.get(stream)) {
        return parse(in, metadata);
      }
    });
  }

  private interface Parse {
    ExtractedText run() throws Exception;
  }

  private ExtractedText bounded(Parse parse) throws ExtractionException {
    Future<ExtractedText> future = watchdog.submit(parse::run);
    try {
      return future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ExtractionException("parsing took longer than " + limits.timeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExtractionException x) {
        throw x;
      }
      if (cause instanceof OutOfMemoryError) {
        throw new ExtractionException("the file needs more memory than parsing one file may take");
      }
      throw new ExtractionException(reason(cause), cause);
    }
  }

  private ExtractedText parse(TikaInputStream in, Metadata metadata) throws IOException, ExtractionException {
    MediaType type = parser.getDetector().detect(in, metadata);
    String contentType = type.getBaseType().toString();
    if (type.getBaseType().equals(HTML) || type.getBaseType().equals(XHTML)) {
      return html(in, contentType);
    }
    if (type.getBaseType().equals(MediaType.TEXT_PLAIN)) {
      return plainText(in, metadata, contentType);
    }
    WriteOutContentHandler out = new WriteOutContentHandler(limits.maxChars());
    boolean truncated = false;
    try {
      parser.parse(in, new BodyContentHandler(out), metadata, new ParseContext());
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new ExtractionException("corrupt or unreadable " + contentType + ": " + shortMessage(e), e);
      }
      truncated = true;
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException("encrypted (password-protected) document", e);
    } catch (ZeroByteFileException e) {
      throw new ExtractionException("empty file", e);
    } catch (TikaException e) {
      throw new ExtractionException(reason(e), e);
    }
    return result(out.toString(), contentType, properties(metadata), truncated);
  }

  /**
   * Plain text: the charset is detected (UTF-8 validated strictly first, since a statistical
   * detector can take short UTF-8 Chinese for another charset), never guessed into mojibake.
   */
  private ExtractedText plainText(TikaInputStream in, Metadata metadata, String contentType) throws IOException, ExtractionException {
    byte[] bytes = in.readNBytes(Math.max(0, limits.maxChars()) * 4 + 4);
    boolean truncated = in.read() >= 0;
    String text = Charsets.decode(bytes);
    if (text.length() > limits.maxChars()) {
      text = text.substring(0, limits.maxChars());
      truncated = true;
    }
    return result(text, contentType, Map.of(), truncated);
  }

  private ExtractedText html(TikaInputStream in, String contentType) throws IOException, ExtractionException {
    byte[] bytes = in.readNBytes(limits.maxChars() * 4);
    String html = Charsets.decodeHtml(bytes);
    return result(htmlCleaner.clean(html), contentType, Map.of(), false);
  }

  private ExtractedText result(String raw, String contentType, Map<String, String> properties, boolean truncated)
      throws ExtractionException {
    String text = cleaner.clean(raw, contentType);
    if (text.isBlank()) {
      if (contentType.equals("application/pdf")) {
        throw new ExtractionException("no text found (a scanned PDF without a text layer?)");
      }
      if (contentType.equals("application/octet-stream")) {
        throw new ExtractionException("unsupported or binary file (application/octet-stream)");
      }
      throw new ExtractionException("no text found in " + contentType);
    }
    if (Charsets.looksBinary(text)) {
      throw new ExtractionException("binary or mis-encoded content (" + contentType + "), not text");
    }
    String note = truncated ? "text truncated at " + limits.maxChars() + " characters" : null;
    if (truncated) {
      log.info("truncated: {}", note);
    }
    return new ExtractedText(text, contentType, properties, truncated, note);
  }

  private static Map<String, String> properties(Metadata metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "dc:title", metadata.get(TikaCoreProperties.TITLE));
    put(out, "dc:creator", metadata.get(TikaCoreProperties.CREATOR));
    put(out, "dcterms:created", metadata.get(TikaCoreProperties.CREATED));
    put(out, "dcterms:modified", metadata.get(TikaCoreProperties.MODIFIED));
    return out;
  }

  private static void put(Map<String, String> out, String key, String value) {
    String clean = Charsets.readableProperty(value);
    if (clean != null) {
      out.put(key, clean);
    }
  }

  private static String reason(Throwable e) {
    String message = shortMessage(e);
    if (message.toLowerCase().contains("zip bomb")) {
      return "zip bomb: " + message;
    }
    if (e instanceof EncryptedDocumentException || message.toLowerCase().contains("encrypt")) {
      return "encrypted (password-protected) document";
    }
    return "corrupt or truncated file: " + message;
  }

  private static String shortMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    m = m.replaceAll("\\s+", " ");
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
