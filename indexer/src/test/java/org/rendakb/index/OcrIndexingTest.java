package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rendakb.cli.IndexerCli;
import org.rendakb.extract.OfdFiles;
import org.rendakb.extract.Scans;
import org.rendakb.ocr.Ocr;
import org.rendakb.ocr.OcrOptions;
import org.rendakb.schema.PassageTexts;
import picocli.CommandLine;

/**
 * The indexer's command line over a folder with a scan, a PDF with a garbage text layer, an OFD
 * 公文 and the Constitution PDF: the report lists what OCR read and why, passages know their page,
 * a rebuild takes every page from the OCR cache, and without Tesseract the scans are failures with
 * a reason that says what to do. Writes OCR's throughput to target/ocr-bench.md.
 */
class OcrIndexingTest {
  static final Path SHARED = Path.of(System.getProperty("rendakb.shared", "../shared"));
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path corpus() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    String law = Scans.lawText(SHARED, "全国人民代表大会组织法(2021-03-11).md", 3000);
    List<List<String>> pages = Scans.pages(law);
    Scans.pdf(in.resolve("扫描件.pdf"), pages.subList(0, 2));
    Scans.pdfWithBrokenTextLayer(in.resolve("乱码.pdf"), pages.subList(2, 3));
    OfdFiles.write(in.resolve("决定.ofd"), OfdFiles.GONGWEN, "关于加强基层立法联系点建设的决定", "办公厅", LocalDate.of(2024, 3, 15));
    Files.copy(SHARED.resolve("corpus/pdf/中华人民共和国宪法.pdf"), in.resolve("宪法.pdf"));
    return in;
  }

  private JsonNode run(Path in, Path index, String... extra) throws IOException {
    Path report = dir.resolve("report-" + System.nanoTime() + ".json");
    List<String> args = new java.util.ArrayList<>(List.of("--index", index.toString(), "--report", report.toString()));
    args.addAll(List.of(extra));
    args.add(in.toString());
    assertEquals(0, new CommandLine(new IndexerCli()).execute(args.toArray(String[]::new)));
    return JSON.readTree(report.toFile());
  }

  @Test
  void scansAreReadCachedAndPaginated() throws Exception {
    assumeTrue(Ocr.detect(OcrOptions.defaults(null)).status().available(), "Tesseract with chi_sim is not installed");
    Path in = corpus();
    Path index = dir.resolve("index");
    long t0 = System.nanoTime();
    JsonNode first = run(in, index);
    double firstSeconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(0, first.get("failed").size(), first.toString());
    assertEquals(4, first.get("added").asInt());
    assertEquals(JSON.readTree("""
        [{"path":"乱码.pdf","pages":1,"reason":"unreadable text layer"},
         {"path":"扫描件.pdf","pages":2,"reason":"no text layer"}]"""), first.get("ocr"));
    assertEquals(3, first.get("ocrPagesRead").asInt());
    assertTrue(Files.isDirectory(dir.resolve("ocr-cache")), "the cache's default folder is beside the index");

    Map<String, Integer> pageOf = passagePages(index);
    assertEquals(12, pageOf.get("全国人民代表大会举行会议的时候，选举主席团主持会议。"));
    assertEquals(2, pageOf.get("2024年3月15日"));
    assertEquals(1, pageOf.get("江人常发〔2024〕12号"));
    assertTrue(pageOf.values().stream().filter(p -> p == 2).count() > 3);

    long t1 = System.nanoTime();
    JsonNode rebuilt = run(in, index, "--full");
    double rebuildSeconds = (System.nanoTime() - t1) / 1e9;
    assertEquals(0, rebuilt.get("ocrPagesRead").asInt(), "a rebuild recognises no page again");
    assertEquals(3, rebuilt.get("ocrPagesFromCache").asInt());
    assertEquals(first.get("ocr"), rebuilt.get("ocr"));

    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/ocr-bench.md"), String.format("""
        # OCR on the test's scans (%s, %d cores)

        | run | files | pages recognised | pages from cache | seconds | OCR pages/min over the run |
        | --- | ---: | ---: | ---: | ---: | ---: |
        | first build | 4 | %d | %d | %.1f | %.1f |
        | rebuild (--full) | 4 | %d | %d | %.1f | — |

        The rebuild took %.2f× the first build's time.
        """, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
        first.get("ocrPagesRead").asInt(), first.get("ocrPagesFromCache").asInt(), firstSeconds,
        first.get("ocrPagesRead").asInt() * 60 / firstSeconds,
        rebuilt.get("ocrPagesRead").asInt(), rebuilt.get("ocrPagesFromCache").asInt(), rebuildSeconds,
        rebuildSeconds / firstSeconds), StandardCharsets.UTF_8);
  }

  @Test
  void withoutTesseractScansAreFailuresThatSayWhatToDo() throws Exception {
    Path in = corpus();
    JsonNode report = run(in, dir.resolve("index"), "--tesseract", dir.resolve("nowhere/tesseract").toString());
    assertEquals(2, report.get("added").asInt(), report.toString());
    assertEquals(JSON.readTree("""
        [{"path":"乱码.pdf","reason":"unreadable text layer (its fonts map to the wrong characters); OCR is not installed, see README"},
         {"path":"扫描件.pdf","reason":"scanned document (no text layer); OCR is not installed, see README"}]"""),
        sorted(report.get("failed")));
    assertEquals(0, report.get("ocr").size());
  }

  private static JsonNode sorted(JsonNode failures) {
    List<JsonNode> list = new java.util.ArrayList<>();
    failures.forEach(list::add);
    list.sort(java.util.Comparator.comparing(n -> n.get("path").asText()));
    return JSON.valueToTree(list);
  }

  /** Every passage's text and page, from the index. */
  private static Map<String, Integer> passagePages(Path index) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    try (var directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues pages = leaf.reader().getNumericDocValues(org.rendakb.schema.Fields.PAGE);
        var texts = leaf.reader().getBinaryDocValues(org.rendakb.schema.Fields.PASSAGE);
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          String text = PassageTexts.of(texts, doc);
          if (text != null && pages != null && pages.advanceExact(doc)) {
            out.put(text, (int) pages.longValue());
          }
        }
      }
    }
    return out;
  }
}
