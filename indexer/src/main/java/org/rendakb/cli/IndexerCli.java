package org.rendakb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rendakb.index.FinalMerge;
import org.rendakb.index.IndexReport;
import org.rendakb.index.IndexUnusableException;
import org.rendakb.index.Indexer;
import org.rendakb.index.IndexerOptions;
import org.rendakb.ocr.OcrOptions;
import org.rendakb.semantic.SemanticOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar indexer.jar --index DIR [--report FILE] [--threads N] [--full] INPUT...} */
@Command(
    name = "indexer",
    mixinStandardHelpOptions = true,
    description = "Indexes congress documents (txt, md, html, doc, docx, odt, rtf, pdf …) into a Lucene index.%n"
        + "Incremental: unchanged files are skipped by content hash, changed ones replaced, vanished ones deleted.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run completed (files that could not be read are listed in the summary)",
      "1:the index cannot be used (wrong schema version, locked, unwritable)",
      "2:usage error"
    })
public final class IndexerCli implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(IndexerCli.class);

  @Option(names = "--index", required = true, defaultValue = "${env:KB_INDEX}", description = "index folder (env KB_INDEX)")
  Path index;

  @Option(names = "--report", description = "write the run's report as JSON to this file")
  Path report;

  @Option(names = "--threads", defaultValue = "${env:KB_THREADS:-2}", description = "worker threads (env KB_THREADS, default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--full", description = "rebuild the index from scratch")
  boolean full;

  @Option(names = "--commit-every", defaultValue = "${env:KB_COMMIT_EVERY:-30}", paramLabel = "SECONDS",
      description = "commit a long run every SECONDS, so a crash loses at most that much work (env KB_COMMIT_EVERY, default ${DEFAULT-VALUE})")
  int commitEverySeconds;

  @Option(names = "--max-segments", defaultValue = "${env:KB_MAX_SEGMENTS:-auto}", paramLabel = "N|auto",
      converter = FinalMergeConverter.class,
      description = "after the run, merge the index into at most N segments (0: never): searches get faster, the run"
          + " longer; auto merges into one after a run that started without files in the index (a first build,"
          + " --full) and leaves an update's segments to Lucene (env KB_MAX_SEGMENTS, default ${DEFAULT-VALUE})")
  FinalMerge finalMerge;

  @Option(names = "--tesseract", defaultValue = "${env:KB_TESSERACT:-tesseract}", paramLabel = "PROGRAM",
      description = "the OCR program for scanned PDFs and images (env KB_TESSERACT, default ${DEFAULT-VALUE} on PATH)")
  String tesseract;

  @Option(names = "--ocr-cache", defaultValue = "${env:KB_OCR_CACHE}", paramLabel = "DIR",
      description = "folder of recognised pages by content hash, so no page is OCR'd twice (env KB_OCR_CACHE,"
          + " default: ocr-cache beside the index folder)")
  Path ocrCache;

  @Option(names = "--ocr-max-pages", defaultValue = "${env:KB_OCR_MAX_PAGES:-" + OcrOptions.DEFAULT_MAX_PAGES + "}",
      paramLabel = "N", description = "pages OCR'd per file at most (env KB_OCR_MAX_PAGES, default ${DEFAULT-VALUE})")
  int ocrMaxPages;

  @Option(names = "--ocr-max-seconds", defaultValue = "${env:KB_OCR_MAX_SECONDS:-600}", paramLabel = "SECONDS",
      description = "OCR time per file at most (env KB_OCR_MAX_SECONDS, default ${DEFAULT-VALUE})")
  int ocrMaxSeconds;

  @Option(names = "--no-semantic",
      description = "write no meaning vectors (search by meaning then uses those already in the index, if any)")
  boolean noSemantic;

  @Option(names = "--vector-cache", defaultValue = "${env:KB_VECTOR_CACHE}", paramLabel = "DIR",
      description = "folder of meaning vectors by the hash of the text embedded, so no text is embedded twice"
          + " (env KB_VECTOR_CACHE, default: vector-cache beside the index folder)")
  Path vectorCache;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "files or folders (recursive)")
  List<Path> inputs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    if (commitEverySeconds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--commit-every must be at least 1 second");
    }
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "input not found: " + input);
      }
    }
    if (ocrMaxPages < 0 || ocrMaxSeconds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--ocr-max-pages must be 0 or more, --ocr-max-seconds 1 or more");
    }
    String names = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!names.equalsIgnoreCase("UTF-8")) {
      log.warn("file names are read as {} (the locale is not UTF-8): files with Chinese names cannot be read and will be"
          + " listed as failed; run with LANG=C.UTF-8", names);
    }
    OcrOptions ocr = OcrOptions.defaults(index).withTesseract(tesseract).withCache(ocrCache != null ? ocrCache
        : OcrOptions.defaultCache(index)).withBounds(ocrMaxPages, java.time.Duration.ofSeconds(ocrMaxSeconds));
    IndexReport result;
    try {
      SemanticOptions semantic = noSemantic ? SemanticOptions.off()
          : new SemanticOptions(true, vectorCache != null ? vectorCache : SemanticOptions.defaultCache(index));
      result = Indexer.run(new IndexerOptions(index, inputs, threads, full, java.time.Duration.ofSeconds(commitEverySeconds),
          finalMerge), ocr, semantic);
    } catch (IndexUnusableException e) {
      log.error("cannot use the index {}: {}", index.toAbsolutePath(), e.getMessage());
      return 1;
    }
    System.out.println(Summary.format(result));
    if (report != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), result);
    }
    return 0;
  }

  /** Reads {@code --max-segments}; picocli reports the message of a bad value as a usage error. */
  static final class FinalMergeConverter implements CommandLine.ITypeConverter<FinalMerge> {
    @Override
    public FinalMerge convert(String value) {
      try {
        return FinalMerge.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new IndexerCli());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      log.error("indexing failed: {}", e.toString());
      return 1;
    });
    System.exit(cli.execute(args));
  }
}
