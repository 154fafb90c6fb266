package org.rendakb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rendakb.clean.MarkdownMarkup;
import org.rendakb.extract.ExtractedText;
import org.rendakb.extract.ExtractionException;
import org.rendakb.extract.Extractor;
import org.rendakb.metadata.DocumentMetadata;
import org.rendakb.metadata.MetadataExtractor;
import org.rendakb.metadata.MetadataInput;
import org.rendakb.metadata.Sidecar;

/**
 * One file to one {@link SourceDocument}: extract (Tika, bounded), metadata (sidecar wins),
 * passages. Thread-safe; shared by the indexer's workers and the server's uploads.
 */
public final class DocumentPipeline {
  private final Extractor extractor;
  private final MetadataExtractor metadata;
  private final LuceneDocuments documents;

  public DocumentPipeline(Extractor extractor, MetadataExtractor metadata, LuceneDocuments documents) {
    this.extractor = extractor;
    this.metadata = metadata;
    this.documents = documents;
  }

  /** The OCR this pipeline's extractor uses (its page counters show a run's progress). */
  public org.rendakb.ocr.Ocr ocr() {
    return extractor.ocr();
  }

  public SourceDocument read(SourceFile file, String id) throws ExtractionException {
    ExtractedText extracted = extractor.extract(file.file());
    DocumentMetadata meta = metadata.extract(new MetadataInput(file.path(), extracted.text(), extracted.properties(), extracted.blocks()));
    Path sidecar = SourceFile.sidecarOf(file.file());
    if (Files.isRegularFile(sidecar)) {
      try {
        meta = Sidecar.apply(meta, sidecar);
      } catch (IOException | RuntimeException e) {
        throw new ExtractionException("bad sidecar " + sidecar.getFileName() + ": " + e.getMessage(), e);
      }
    }
    if (MarkdownMarkup.applies(extracted.contentType(), file.path())) {
      extracted = extracted.withText(MarkdownMarkup.strip(extracted.text()));
    }
    return new SourceDocument(
        id, file.root(), file.path(), file.hash(), file.size(), extracted, meta, documents.passagesOf(extracted.text()));
  }
}
