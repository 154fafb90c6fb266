package org.rendakb.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Tesseract program on one image at a time. Called directly rather than through Tika's
 * TesseractOCRParser: a page at a time gives bounds, progress and a cache per page, and the TSV
 * output gives the confidence. Each run is single-threaded (OMP_THREAD_LIMIT=1): Tesseract's own
 * threads made a page take 6.5 s instead of 2.4 s on this two-core machine, where the indexer
 * already runs a worker per core. Thread-safe.
 */
public final class Tesseract {
  /** A page that takes longer than this is abandoned: a page takes seconds. */
  static final long PAGE_TIMEOUT_SECONDS = 120;

  private final String program;
  private final String languages;

  Tesseract(String program, String languages) {
    this.program = program;
    this.languages = languages;
  }

  /** Whether the program runs and has the languages; {@link OcrStatus#available()} false says why not. */
  static OcrStatus probe(String program, String languages) {
    List<String> out;
    try {
      out = run(List.of(program, "--list-langs"), 20);
    } catch (IOException e) {
      return OcrStatus.unavailable("the OCR program `" + program + "` was not found or does not run (install Debian's"
          + " tesseract-ocr and tesseract-ocr-chi-sim, or give its path with --tesseract / KB_TESSERACT)");
    }
    List<String> missing = new ArrayList<>(Arrays.asList(languages.split("\\+")));
    missing.removeAll(out.stream().map(String::strip).toList());
    if (!missing.isEmpty()) {
      return OcrStatus.unavailable("Tesseract has no language data for " + String.join(", ", missing)
          + " (install Debian's tesseract-ocr-" + missing.getFirst().replace('_', '-') + ")");
    }
    String version;
    try {
      List<String> v = run(List.of(program, "--version"), 20);
      version = v.isEmpty() ? "tesseract" : v.getFirst().strip();
    } catch (IOException e) {
      version = "tesseract";
    }
    return OcrStatus.available(version + ", languages " + languages);
  }

  /**
   * The text of one image, with the mean confidence of its words. A page that comes back as narrow
   * columns of one- and two-char lines ({@link #readAsColumns}) is read again as one column of text
   * (page segmentation mode 4), and that reading is kept if it is not split too: a 上行文 whose
   * 发文字号 and 签发人 share a line had its head read down the page in strips (长沙 / 长人 / 关于 /
   * 市人 …) and its title lost. Only such pages pay for a second reading.
   */
  RecognisedPage recognise(Path image, Path work) throws IOException {
    RecognisedPage page = recognise(image, work, List.of());
    if (readAsColumns(page.text())) {
      RecognisedPage oneColumn = recognise(image, work, List.of("--psm", "4"));
      if (!readAsColumns(oneColumn.text())) {
        return oneColumn;
      }
    }
    return page;
  }

  /**
   * Four or more lines of one or two Chinese chars alone among the first lines read: a 密级 and a
   * 紧急程度 make two, strips of a column more; a table's numbers and short cells do not count.
   */
  static boolean readAsColumns(String text) {
    List<String> first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(12).toList();
    return first.stream()
        .filter(l -> l.codePointCount(0, l.length()) <= 2 && l.codePoints().allMatch(Character::isIdeographic))
        .count() >= 4;
  }

  private RecognisedPage recognise(Path image, Path work, List<String> options) throws IOException {
    Path base = work.resolve("ocr");
    List<String> command = new ArrayList<>(List.of(program, image.toString(), base.toString(), "-l", languages));
    command.addAll(options);
    command.addAll(List.of("txt", "tsv"));
    run(command, PAGE_TIMEOUT_SECONDS);
    String text = Files.readString(base.resolveSibling("ocr.txt"), StandardCharsets.UTF_8);
    double confidence = meanConfidence(Files.readAllLines(base.resolveSibling("ocr.tsv"), StandardCharsets.UTF_8));
    // a multi-page TIFF comes back with form feeds between its pages; one text here
    return new RecognisedPage(text.replace('\f', '\n'), confidence);
  }

  /** The mean of the words' confidences in Tesseract's TSV (column 11; -1 on rows that are not words). */
  static double meanConfidence(List<String> tsv) {
    double sum = 0;
    int words = 0;
    for (String line : tsv) {
      String[] cols = line.split("\t");
      if (cols.length < 12 || cols[11].isBlank()) {
        continue;
      }
      try {
        double conf = Double.parseDouble(cols[10]);
        if (conf >= 0) {
          sum += conf;
          words++;
        }
      } catch (NumberFormatException e) {
        // the header row
      }
    }
    return words == 0 ? Double.NaN : sum / words;
  }

  private static List<String> run(List<String> command, long timeoutSeconds) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("OMP_THREAD_LIMIT", "1");
    Process process = builder.start();
    try {
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IOException("Tesseract took longer than " + timeoutSeconds + " s on one page");
      }
      if (process.exitValue() != 0) {
        throw new IOException("Tesseract could not read the page image (exit code " + process.exitValue() + ")");
      }
      return new String(out, StandardCharsets.UTF_8).lines().toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      process.destroyForcibly();
    }
  }
}
