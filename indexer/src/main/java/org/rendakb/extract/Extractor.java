package org.rendakb.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
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
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;
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
  /** Image types Tesseract reads; other images are left to Tika, which finds no text in them. */
  private static final java.util.Set<String> OCR_IMAGES =
      java.util.Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif");

  private final ExtractorLimits limits;
  private final AutoDetectParser parser;
  private final EncodingDetector encodingDetector;
  private final ZipBombCheck zipBombCheck;
  private final PdfBombCheck pdfBombCheck = new PdfBombCheck();
  private final TextCleaner cleaner = new TextCleaner();
  private final HtmlCleaner htmlCleaner = new HtmlCleaner();
  private final Ocr ocr;
  private final PaginatedReader paginated;
  private final OfdReader ofd = new OfdReader();
  private final PdfLayout pdfLayout = new PdfLayout();
  private final DocxLayout docxLayout = new DocxLayout();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("tika-parse-", 0).factory());

  public Extractor() {
    this(ExtractorLimits.defaults());
  }

  /** With OCR by Tesseract on PATH, if it is there, and no cache of recognised pages. */
  public Extractor(ExtractorLimits limits) {
    this(limits, Ocr.detect(OcrOptions.defaults(null)));
  }

  public Extractor(ExtractorLimits limits, Ocr ocr) {
    this.limits = limits;
    this.ocr = ocr;
    this.paginated = new PaginatedReader(ocr, cleaner);
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
    } catch (java.nio.file.AccessDeniedException e) {
      throw new ExtractionException("cannot read the file: no permission", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ExtractionException("cannot read the file: it was removed or renamed while the run went on", e);
    } catch (IOException e) {
      throw new ExtractionException("cannot read the file (a disk or network error)", e);
    }
    if (size == 0) {
      throw new ExtractionException("empty file");
    }
    if (size > limits.maxFileBytes()) {
      throw new ExtractionException(String.format("file too large (%d MB, the limit is %d MB)",
          size >> 20, limits.maxFileBytes() >> 20));
    }
    String name = file.getFileName().toString();
    Parsed parsed = bounded(() -> {
      Metadata metadata = named(name);
      try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
        return parse(in, metadata);
      }
    });
    return finish(parsed, file);
  }

  /**
   * For uploads: the stream is copied to a temporary file (OCR and OFD read files by pages) and read
   * within the same bounds; the name helps type detection.
   */
  public ExtractedText extract(InputStream stream, String fileName) throws ExtractionException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("rendakb-upload-");
      // only the extension helps detection; the name itself may be anything a client sends
      String name = fileName == null ? "" : fileName;
      int dot = name.lastIndexOf('.');
      String extension = dot >= 0 && name.length() - dot <= 10 ? name.substring(dot).replaceAll("[^.\\p{L}\\p{N}]", "") : "";
      Path file = dir.resolve("upload" + extension);
      Files.copy(stream, file);
      return extract(file);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new ExtractionException("cannot read the upload: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
          Files.deleteIfExists(dir);
        } catch (IOException e) {
          log.debug("temporary upload copy {} left behind: {}", dir, e.getMessage());
        }
      }
    }
  }

  /** Whether Tesseract is here, in words, for the log and /api/health. */
  public Ocr ocr() {
    return ocr;
  }

  /**
   * What the bounded parse hands on: a finished text, or the raw pages of a PDF, an image or an
   * OFD file, which are read page by page outside the parse's time limit (OCR has bounds of its own).
   */
  private sealed interface Parsed {}

  private record Done(ExtractedText text) implements Parsed {}

  private record Paged(String raw, String contentType, Map<String, String> properties, boolean truncated, List<Block> blocks)
      implements Parsed {}

  private record Image(String contentType) implements Parsed {}

  private record Ofd(OfdReader.Read read) implements Parsed {}

  private ExtractedText finish(Parsed parsed, Path file) throws ExtractionException {
    return switch (parsed) {
      case Done d -> d.text();
      case Paged p -> paged(paginated.pdf(file, p.raw()), p.contentType(), p.properties(), p.truncated()).withBlocks(p.blocks());
      case Image i -> paged(paginated.image(file), i.contentType(), Map.of(), false);
      case Ofd o -> paged(paginated.ofd(o.read().pages()), OfdReader.TYPE, o.read().properties(), false)
          .withBlocks(o.read().blocks());
    };
  }

  private ExtractedText paged(PaginatedReader.Joined joined, String contentType, Map<String, String> properties,
      boolean truncated) throws ExtractionException {
    String text = joined.text();
    List<Integer> starts = joined.starts();
    if (text.length() > limits.maxChars()) {
      text = text.substring(0, limits.maxChars());
      truncated = true;
    }
    ExtractedText checked = checked(text, contentType, properties, truncated);
    String note = joined.note() == null ? checked.note()
        : checked.note() == null ? joined.note() : checked.note() + "; " + joined.note();
    return new ExtractedText(checked.text(), contentType, checked.properties(), checked.truncated(), note, starts,
        joined.ocr());
  }

  private static Metadata named(String fileName) {
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    return metadata;
  }

  private interface Parse {
    Parsed run() throws Exception;
  }

  private Parsed bounded(Parse parse) throws ExtractionException {
    Future<Parsed> future = workers.submit(parse::run);
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
      log.debug("parser's own words: {}", shortMessage(cause));
      throw new ExtractionException(reason(cause, null), cause);
    }
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private Parsed parse(TikaInputStream in, Metadata metadata) throws IOException, ExtractionException {
    String plain = PlainTextNames.typeOf(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY), in);
    if (plain != null) {
      return new Done(plainText(in, metadata, plain));
    }
    MediaType type = parser.getDetector().detect(in, metadata).getBaseType();
    if (type.equals(HTML) || type.equals(XHTML)) {
      return new Done(html(in, metadata, type.toString()));
    }
    if (OCR_IMAGES.contains(type.toString())) {
      return new Image(type.toString());
    }
    if (isZip(in)) {
      zipBombCheck.check(in.getPath());
      if (OfdReader.isOfd(in.getPath())) {
        return new Ofd(ofd.read(in.getPath()));
      }
    }
    if (type.equals(PDF_TYPE)) {
      pdfBombCheck.check(in.getPath());
    }
    WriteOutContentHandler out = new WriteOutContentHandler(limits.maxChars());
    ParseContext context = new ParseContext();
    context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
    boolean truncated = false;
    XhtmlBlocks recorded = new XhtmlBlocks(new BodyContentHandler(new PageMarks(out)));
    try {
      parser.parse(in, recorded, metadata, context);
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        log.debug("parser's own words on a {} file: {}", type, shortMessage(e));
        throw new ExtractionException(CORRUPT + " (" + kind(type.toString()) + ")", e);
      }
      truncated = true;
    } catch (ZeroByteFileException e) {
      throw new ExtractionException("empty file", e);
    } catch (TikaException e) {
      log.debug("parser's own words on a {} file: {}", type, shortMessage(e));
      throw new ExtractionException(reason(e, kind(type.toString())), e);
    }
    // the parser may refine the detected type (e.g. a docx that is really text); report what it parsed
    MediaType parsed = MediaType.parse(metadata.get(Metadata.CONTENT_TYPE));
    String contentType = (parsed == null ? type : parsed.getBaseType()).toString();
    if (contentType.equals(PDF_TYPE.toString())) {
      return new Paged(out.toString(), contentType, properties(metadata), truncated, pdfLayout.read(in.getPath()));
    }
    return new Done(result(out.toString(), contentType, properties(metadata), truncated).withBlocks(blocks(recorded, contentType, in)));
  }

  /** What Tika showed of the file's blocks; a docx's alignment and sizes, which Tika drops, read from its XML. */
  private List<Block> blocks(XhtmlBlocks recorded, String contentType, TikaInputStream in) throws IOException {
    if (DOCX.contains(contentType)) {
      List<Block> docx = docxLayout.read(in.getPath());
      if (!docx.isEmpty()) {
        return docx;
      }
    }
    return recorded.blocks();
  }

  private static final java.util.Set<String> DOCX = java.util.Set.of(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-word.document.macroenabled.12");

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
    return result(text, contentType, properties, truncated).withBlocks(blocks(cleaned.lines()));
  }

  /** A page's lines as blocks: headings, alignment and bold as the page sets them; no sizes, no pages. */
  private static List<Block> blocks(List<HtmlCleaner.Line> lines) {
    Blocks blocks = new Blocks();
    for (HtmlCleaner.Line line : lines) {
      Block.Align align = switch (line.align()) {
        case CENTER -> Block.Align.CENTER;
        case RIGHT -> Block.Align.RIGHT;
        case LEFT -> Block.Align.LEFT;
      };
      blocks.add(new Blocks.Line(line.text(), 0, line.heading(), align, line.bold(), 0, true, -1, false));
    }
    return blocks.build();
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
    return checked(cleaner.clean(raw, contentType), contentType, properties, truncated);
  }

  private ExtractedText checked(String text, String contentType, Map<String, String> properties, boolean truncated)
      throws ExtractionException {
    if (text.isBlank()) {
      if (contentType.equals("application/pdf")) {
        throw new ExtractionException("no text found (the PDF's pages hold neither text nor a scanned image)");
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

  /**
   * The reason for a file a parser rejected, in words: a parser's own message names its internals
   * (classes, offsets, stream names) and goes to the log only.
   */
  private static String reason(Throwable e, String kind) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException
          || t instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
        return "encrypted (password-protected) document";
      }
      if (t.getMessage() != null && t.getMessage().toLowerCase().contains("zip bomb")) {
        return "zip bomb: the file unpacks to far more than it holds";
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return CORRUPT + (kind == null ? "" : " (" + kind + ")");
  }

  private static final String CORRUPT = "corrupt or truncated file: its parser could not read it";

  /** A media type as a person names it. */
  private static String kind(String type) {
    return switch (type) {
      case "application/pdf" -> "not a readable PDF";
      case "application/msword" -> "not a readable Word 97-2003 document";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "not a readable Word document";
      case "application/zip" -> "a damaged zip package";
      default -> "read as " + type;
    };
  }

  /** What marks a message as a library's internals: class names, object ids, issue keys, exception names. */
  private static final Pattern INTERNAL = Pattern.compile(
      "TIKA-\\d+|\\b(?:java|javax|jdk|sun|org|com)\\.[a-z]\\w*\\.|@[0-9a-f]{5,}\\b|Cannot invoke|\\w+Exception\\b");

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
    if (root instanceof RuntimeException || INTERNAL.matcher(m).find()) {
      // a parser's bug or its own wording (Cannot invoke "…Parser.getSupportedTypes…", TIKA-198:
      // Illegal IOException from …EpubParser@e959e1e) says nothing to a person
      return "its format's parser failed on it";
    }
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
