package org.rendakb.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
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
 * AutoDetectParser per instance (configured by {@code tika-config.xml} beside this class), a new
 * Metadata, handler and ParseContext per file.
 *
 * <p>Parsing runs on a worker thread under a watchdog: a parser that hangs on a hostile file is
 * abandoned after {@link ExtractorLimits#timeout()} and the file reported, while the run goes on.
 * (Java cannot stop a thread; an abandoned parse finishes or dies in the background.) Embedded
 * documents are skipped. Web pages go through {@link HtmlCleaner}, which needs the page's structure
 * to drop navigation and footers; files named as plain text or Markdown that look like text
 * ({@link PlainTextNames}) are decoded directly, without Tika's type detection, which cost more
 * than parsing them; everything else goes through Tika's parsers and {@link TextCleaner}.
 */
public final class Extractor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Extractor.class);
  private static final String CONFIG = "tika-config.xml";
  private static final MediaType HTML = MediaType.text("html");
  private static final MediaType XHTML = MediaType.application("xhtml+xml");
  private static final MediaType PDF_TYPE = MediaType.application("pdf");

  private final ExtractorLimits limits;
  private final AutoDetectParser parser;
  private final EncodingDetector encodingDetector;
  private final ZipBombCheck zipBombCheck;
  private final PdfBombCheck pdfBombCheck = new PdfBombCheck();
  private final TextCleaner cleaner = new TextCleaner();
  private final HtmlCleaner htmlCleaner = new HtmlCleaner();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("tika-parse-", 0).factory());

  public Extractor() {
    this(ExtractorLimits.defaults());
  }

  public Extractor(ExtractorLimits limits) {
    this.limits = limits;
    // an entry bigger than four bytes per char of the write limit cannot be read whole anyway
    this.zipBombCheck = new ZipBombCheck(Math.max(100L << 20, (long) limits.maxChars() * 4 * 4));
    TikaConfig config;
    try (InputStream in = Extractor.class.getResourceAsStream(CONFIG)) {
      if (in == null) {
        throw new IllegalStateException(CONFIG + " is missing from the classpath");
      }
      config = new TikaConfig(in);
    } catch (IOException | TikaException | SAXException e) {
      throw new IllegalStateException("cannot load " + CONFIG + ": " + e.getMessage(), e);
    }
    this.parser = new AutoDetectParser(config);
    this.encodingDetector = config.getEncodingDetector();
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
    String name = file.getFileName().toString();
    return bounded(() -> {
      Metadata metadata = named(name);
      try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
        return parse(in, metadata);
      }
    });
  }

  /** For uploads: the stream is read within the same bounds; the name helps type detection. */
  public ExtractedText extract(InputStream stream, String fileName) throws ExtractionException {
    return bounded(() -> {
      Metadata metadata = named(fileName);
      try (TikaInputStream in = TikaInputStream.get(stream)) {
        return parse(in, metadata);
      }
    });
  }

  private static Metadata named(String fileName) {
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    return metadata;
  }

  private interface Parse {
    ExtractedText run() throws Exception;
  }

  private ExtractedText bounded(Parse parse) throws ExtractionException {
    Future<ExtractedText> future = workers.submit(parse::run);
    try {
      return future.get(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ExtractionException("parsing took longer than " + human(limits.timeout()));
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

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private ExtractedText parse(TikaInputStream in, Metadata metadata) throws IOException, ExtractionException {
    String plain = PlainTextNames.typeOf(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY), in);
    if (plain != null) {
      return plainText(in, metadata, plain);
    }
    MediaType type = parser.getDetector().detect(in, metadata).getBaseType();
    if (type.equals(HTML) || type.equals(XHTML)) {
      return html(in, metadata, type.toString());
    }
    if (isZip(in)) {
      zipBombCheck.check(in.getPath());
    }
    if (type.equals(PDF_TYPE)) {
      pdfBombCheck.check(in.getPath());
    }
    WriteOutContentHandler out = new WriteOutContentHandler(limits.maxChars());
    ParseContext context = new ParseContext();
    context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
    boolean truncated = false;
    try {
      parser.parse(in, new BodyContentHandler(out), metadata, context);
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new ExtractionException("corrupt or truncated file: " + shortMessage(e), e);
      }
      truncated = true;
    } catch (ZeroByteFileException e) {
      throw new ExtractionException("empty file", e);
    } catch (TikaException e) {
      throw new ExtractionException(reason(e), e);
    }
    // the parser may refine the detected type (e.g. a docx that is really text); report what it parsed
    MediaType parsed = MediaType.parse(metadata.get(Metadata.CONTENT_TYPE));
    String contentType = (parsed == null ? type : parsed.getBaseType()).toString();
    return result(out.toString(), contentType, properties(metadata), truncated);
  }

  private static boolean isZip(TikaInputStream in) throws IOException {
    in.mark(4);
    byte[] head;
    try {
      head = in.readNBytes(4);
    } finally {
      in.reset();
    }
    return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }

  /** A web page, decoded by the configured charset chain (its meta charset first), cleaned by structure. */
  private ExtractedText html(TikaInputStream in, Metadata metadata, String contentType) throws IOException, ExtractionException {
    Decoded page = decode(in, metadata);
    boolean truncated = page.truncated();
    HtmlCleaner.Page cleaned = htmlCleaner.clean(page.text());
    String text = cleaned.text();
    if (text.length() > limits.maxChars()) {
      text = text.substring(0, limits.maxChars());
      truncated = true;
    }
    Map<String, String> properties = new LinkedHashMap<>();
    put(properties, "dc:title", cleaned.title());
    cleaned.properties().forEach((key, value) -> put(properties, key, value));
    return result(text, contentType, properties, truncated);
  }

  private ExtractedText plainText(TikaInputStream in, Metadata metadata, String contentType) throws IOException, ExtractionException {
    Decoded decoded = decode(in, metadata);
    String text = decoded.text();
    if (text.length() > limits.maxChars()) {
      return result(text.substring(0, limits.maxChars()), contentType, Map.of(), true);
    }
    return result(text, contentType, Map.of(), decoded.truncated());
  }

  private record Decoded(String text, boolean truncated) {}

  /** The bytes as text in the charset the configured chain finds, at most four bytes per char of the write limit. */
  private Decoded decode(TikaInputStream in, Metadata metadata) throws IOException {
    Charset charset = encodingDetector.detect(in, metadata);
    long maxBytes = Math.min((long) limits.maxChars() * 4, Integer.MAX_VALUE - 16);
    byte[] bytes = in.readNBytes((int) maxBytes);
    boolean truncated = in.read() >= 0;
    // texts that declare gb2312 or gbk use GBK chars beyond it (朱镕基's 镕): read them as GB18030, the superset
    Charset widened = charset == null ? ChineseEncodingDetector.GB18030 : ChineseEncodingDetector.widen(charset.name());
    return new Decoded(new String(bytes, widened == null ? charset : widened), truncated);
  }

  private ExtractedText result(String raw, String contentType, Map<String, String> properties, boolean truncated)
      throws ExtractionException {
    String text = cleaner.clean(raw, contentType);
    if (text.isBlank()) {
      if (contentType.equals("application/pdf")) {
        throw new ExtractionException("no text found (scanned PDF without text layer?)");
      }
      if (contentType.equals("application/octet-stream")) {
        throw new ExtractionException("unsupported or binary file (application/octet-stream)");
      }
      throw new ExtractionException("no text found (" + contentType + ")");
    }
    if (Charsets.looksBinary(text)) {
      throw new ExtractionException("unsupported or binary file (" + contentType + "): its text is not readable");
    }
    String note = null;
    if (truncated) {
      note = "text truncated at " + limits.maxChars() + " characters (write limit)";
      log.info("{}", note);
    }
    return new ExtractedText(text, contentType, properties, truncated, note);
  }

  private static Map<String, String> properties(Metadata metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "dc:title", metadata.get(TikaCoreProperties.TITLE));
    put(out, "pdf:docinfo:title", metadata.get(PDF.DOC_INFO_TITLE));
    put(out, "dc:creator", metadata.get(TikaCoreProperties.CREATOR));
    put(out, "dcterms:created", metadata.get(TikaCoreProperties.CREATED));
    put(out, "dcterms:modified", metadata.get(TikaCoreProperties.MODIFIED));
    if (!out.containsKey("dc:title") && out.containsKey("pdf:docinfo:title")) {
      out.put("dc:title", out.get("pdf:docinfo:title"));
    }
    return out;
  }

  private static void put(Map<String, String> out, String key, String value) {
    String clean = Charsets.readableProperty(value);
    if (clean != null) {
      out.put(key, clean);
    }
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException
          || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
        return "encrypted (password-protected) document";
      }
      if (t.getMessage() != null && t.getMessage().toLowerCase().contains("zip bomb")) {
        return "zip bomb: " + shortMessage(t);
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return "corrupt or truncated file: " + shortMessage(e);
  }

  private static String shortMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
      root = root.getCause();
    }
    if (root.getCause() != null && root.getCause().getMessage() != null) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
