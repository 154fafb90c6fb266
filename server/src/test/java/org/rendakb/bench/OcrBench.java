package org.rendakb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rendakb.index.IndexReport;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;
import org.rendakb.metadata.fixtures.ScannedGongwen;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;
import org.rendakb.semantic.SemanticOptions;

/**
 * OCR's cost: scanned 公文 drawn as the tests draw them (image-only PDFs of noisy, slightly turned
 * 150-dpi page images), indexed by the real indexer with the real Tesseract into a fresh index and
 * OCR cache, then rebuilt from scratch ({@code --full}) with the same cache, which must recognise no
 * page again. Pages per minute are over the whole first run (parsing and indexing the recognised
 * text are a small part of it).
 */
final class OcrBench {
  static final int SCANS = 6;
  static final long SEED = 23;

  /**
   * @param program Tesseract's version and languages, or why OCR is not available (then no run)
   */
  record Result(String program, int files, int pages, double firstSeconds, double pagesPerMinute, double rerunSeconds,
      int rerunRecognised, int rerunFromCache, int threads) {}

  private OcrBench() {}

  static Result measure(Path corpus, Path out, int threads) throws Exception {
    Path folder = out.resolve("ocr");
    Machine.deleteRecursively(folder);
    OcrOptions options = OcrOptions.defaults(null).withCache(folder.resolve("ocr-cache"));
    Ocr ocr = Ocr.detect(options);
    if (!ocr.status().available()) {
      return new Result("not available: " + ocr.status().description(), 0, 0, 0, 0, 0, 0, 0, threads);
    }
    Path scans = Files.createDirectories(folder.resolve("scans"));
    ScannedGongwen.write(corpus, scans, SCANS, SEED);
    Path index = folder.resolve("index");
    long start = System.nanoTime();
    IndexReport first = Indexer.run(new IndexerOptions(index, List.of(scans), threads, true), options, SemanticOptions.off());
    double firstSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    IndexReport again = Indexer.run(new IndexerOptions(index, List.of(scans), threads, true), options, SemanticOptions.off());
    double rerunSeconds = (System.nanoTime() - start) / 1e9;
    return new Result(ocr.status().description(), first.documents(), first.ocrPagesRead(), firstSeconds,
        first.ocrPagesRead() * 60 / firstSeconds, rerunSeconds, again.ocrPagesRead(), again.ocrPagesFromCache(), threads);
  }

  static String markdown(Result r, IndexReport corpusBuild) {
    StringBuilder md = new StringBuilder("### OCR: " + r.files() + " scanned 公文, " + r.program() + "\n\n");
    if (r.files() == 0) {
      return md.append("Not measured.\n\n").toString();
    }
    md.append("| run | threads | pages recognised | from the OCR cache | seconds | OCR pages/min |\n|---|---|---|---|---|---|\n");
    md.append(String.format("| first build | %d | %d | 0 | %.1f | %.1f |%n", r.threads(), r.pages(), r.firstSeconds(),
        r.pagesPerMinute()));
    md.append(String.format("| rebuild (--full), same cache | %d | %d | %d | %.1f | — |%n%n", r.threads(), r.rerunRecognised(),
        r.rerunFromCache(), r.rerunSeconds()));
    if (corpusBuild != null) {
      md.append(String.format("The corpus's first build above recognised %d pages (it holds no scans): OCR costs it only the"
          + " check for Tesseract at start.%n%n", corpusBuild.ocrPagesRead()));
    }
    return md.toString();
  }
}
