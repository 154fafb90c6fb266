package org.rendakb.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.rendakb.extract.ExtractedText;
import org.rendakb.extract.Pages;
import org.rendakb.metadata.DocType;
import org.rendakb.metadata.DocumentMetadata;
import org.rendakb.metadata.OfficialElements;
import org.rendakb.passages.Passage;
import org.rendakb.passages.PassageSplitter;
import org.rendakb.schema.Fields;
import org.rendakb.schema.FileBlocks;
import org.rendakb.schema.IndexSchema;
import org.rendakb.schema.StoredFile;
import org.rendakb.schema.StoredSources;

/**
 * Turns one {@link SourceDocument} into its Lucene documents (the file first, then its passages),
 * and reads a stored file document back into a SourceDocument so that a moved file is re-indexed
 * under its new path without parsing it again. A pure function of its input: no index needed.
 */
public final class LuceneDocuments {
  // String-valued fields are analysed by the IndexWriter's per-field analyzer (Analyzers.perField)
  // when it consumes them.
  private static final List<String> FILE_TEXT_FIELDS =
      List.of(Fields.TITLE, Fields.TITLE_BIGRAMS, Fields.TEXT, Fields.TEXT_BIGRAMS);
  private final FacetsConfig facets = IndexSchema.facetsConfig();
  private final PassageSplitter splitter;

  public LuceneDocuments(PassageSplitter splitter) {
    this.splitter = splitter;
  }

  public List<Passage> passagesOf(String text) {
    return splitter.split(text);
  }

  /** The file's block: its document, then its passages' ({@link FileBlocks}). */
  public List<Document> build(SourceDocument source) throws IOException {
    List<Document> passages = new ArrayList<>(source.passages().size());
    for (Passage passage : source.passages()) {
      passages.add(passageDocument(source, passage));
    }
    return FileBlocks.of(facets.build(fileDocument(source)), passages);
  }

  private Document fileDocument(SourceDocument source) {
    DocumentMetadata meta = source.metadata();
    ExtractedText extracted = source.extracted();
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_DOCUMENT, Field.Store.NO));
    // the id is looked up as a term and sorted on as a number (IndexSchema.byId): no sorted-set doc values
    doc.add(new StringField(Fields.ID, source.id(), Field.Store.YES));
    doc.add(new NumericDocValuesField(Fields.ID_ORDER, IndexSchema.idOrder(source.id())));
    doc.add(new StringField(Fields.OWNER, source.id(), Field.Store.NO));
    doc.add(new StoredField(Fields.ROOT, source.root()));
    doc.add(new KeywordField(Fields.PATH, source.path(), Field.Store.YES));
    doc.add(new KeywordField(Fields.HASH, source.hash(), Field.Store.YES));
    doc.add(new StoredField(Fields.SIZE, source.size()));
    doc.add(new StoredField(Fields.CONTENT_TYPE, extracted.contentType()));
    if (extracted.truncated()) {
      doc.add(new StoredField(Fields.TRUNCATED, "true"));
    }
    if (extracted.note() != null) {
      doc.add(new StoredField(Fields.NOTE, extracted.note()));
    }
    doc.add(new StoredField(Fields.EXTRACTION, extracted.extraction()));
    if (extracted.ocr() != null) {
      doc.add(new StoredField(Fields.OCR_PAGES, extracted.ocr().pages()));
      doc.add(new StoredField(Fields.OCR_REASON, extracted.ocr().reason()));
      if (extracted.ocr().confidence() != null) {
        doc.add(new StoredField(Fields.OCR_CONFIDENCE, extracted.ocr().confidence()));
      }
    }
    if (!extracted.pageStarts().isEmpty()) {
      doc.add(new StoredField(Fields.PAGE_STARTS, Pages.format(extracted.pageStarts())));
    }
    String title = meta.title() == null ? "" : meta.title();
    doc.add(new StoredField(Fields.TITLE, title));
    doc.add(new Field(Fields.TITLE, title, IndexSchema.ANALYSED));
    doc.add(new Field(Fields.TITLE_BIGRAMS, title, IndexSchema.ANALYSED));

    if (meta.date() != null) {
      doc.add(new StoredField(Fields.DATE, meta.date().toString()));
    }
    addFilterFields(doc, meta, Field.Store.YES);
    keyword(doc, Fields.PLACE, meta.place());
    keyword(doc, Fields.TERM, meta.term());
    keyword(doc, Fields.MEETING, meta.meeting());
    keyword(doc, Fields.SPEAKER, meta.speaker());
    OfficialElements official = meta.official();
    keyword(doc, Fields.DOC_NUMBER, official.docNumber());
    keyword(doc, Fields.ADDRESSEE, official.addressee());
    keyword(doc, Fields.SIGNER, official.signer());
    if (official.published() != null) {
      doc.add(new StoredField(Fields.PUBLISHED, official.published().toString()));
    }
    if (!meta.sources().isEmpty()) {
      doc.add(new StoredField(Fields.SOURCES, StoredSources.encode(meta.sources())));
    }
    for (String law : meta.laws()) {
      doc.add(new KeywordField(Fields.LAW, law, Field.Store.YES));
    }
    addFacetFields(doc, meta);
    // the text is stored last: a reader of metadata stops before it (StoredFile)
    doc.add(new StoredField(Fields.TEXT, extracted.text()));
    doc.add(new Field(Fields.TEXT, extracted.text(), IndexSchema.ANALYSED));
    doc.add(new Field(Fields.TEXT_BIGRAMS, extracted.text(), IndexSchema.ANALYSED));
    // an empty passage field gives the file a norm of 0, so every document has one and the norms of
    // passage bigrams are stored dense: precedent scoring then reads a norm directly instead of
    // advancing a sparse iterator (a quarter of a precedent search at 10x the corpus). No tokens, no
    // match, and BM25 statistics count only the documents with terms.
    doc.add(new Field(Fields.PASSAGE_BIGRAMS, "", IndexSchema.ANALYSED));
    return doc;
  }

  private Document passageDocument(SourceDocument source, Passage passage) {
    Document doc = new Document();
    // a file has a hundred passages: no id (a passage is found by its parent and position) and no doc
    // values or points that nothing reads (Lucene wants one schema per field name across both
    // kinds, so shared fields keep the file's)
    doc.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
    doc.add(new StringField(Fields.OWNER, source.id(), Field.Store.NO));
    doc.add(new KeywordField(Fields.PARENT, source.id(), Field.Store.YES));
    doc.add(new IntField(Fields.POSITION, passage.position(), Field.Store.YES));
    doc.add(new StoredField(Fields.START, passage.start()));
    Integer page = source.extracted().pageAt(passage.start());
    if (page != null) {
      doc.add(new NumericDocValuesField(Fields.PAGE, page));
    }
    // passages are searched by bigrams only (precedent search, law articles): no smartcn words, the
    // largest indexing cost after the segmenter. The text is read back from doc values (PassageTexts).
    doc.add(new BinaryDocValuesField(Fields.PASSAGE, new BytesRef(passage.text())));
    doc.add(new Field(Fields.PASSAGE_BIGRAMS, passage.text(), IndexSchema.ANALYSED));
    // the file's text fields, empty, for the same reason as the file's empty passage field: every
    // document then has their norms, and each scorer of a topic search reads a file's norm directly
    // instead of stepping a sparse iterator past the passages (5-6% of a search that matches most
    // files). No tokens: no match, and BM25 statistics stay those of the files.
    for (String field : FILE_TEXT_FIELDS) {
      doc.add(new Field(field, "", IndexSchema.ANALYSED));
    }
    addFilterFields(doc, source.metadata(), Field.Store.NO);
    return doc;
  }

  /** The fields search and precedent search filter and sort on, on files and passages alike. */
  private static void addFilterFields(Document doc, DocumentMetadata meta, Field.Store store) {
    if (meta.date() != null) {
      doc.add(new LongField(Fields.DATE_DAYS, meta.date().toEpochDay(), Field.Store.NO));
    }
    if (meta.year() != null) {
      doc.add(new IntField(Fields.YEAR, meta.year(), store));
    }
    doc.add(new KeywordField(Fields.TYPE, meta.type().label, store));
    if (meta.body() != null) {
      doc.add(new KeywordField(Fields.BODY, meta.body(), store));
    }
    if (meta.committee() != null) {
      doc.add(new KeywordField(Fields.COMMITTEE, meta.committee(), store));
    }
    if (meta.region() != null) {
      doc.add(new KeywordField(Fields.REGION, meta.region(), store));
    }
  }

  /** The facet dimensions (drill-down terms and doc values once FacetsConfig builds the document). */
  private static void addFacetFields(Document doc, DocumentMetadata meta) {
    for (String law : meta.laws()) {
      doc.add(new SortedSetDocValuesFacetField(Fields.LAW, law));
    }
    if (meta.year() != null) {
      doc.add(new SortedSetDocValuesFacetField(Fields.YEAR, meta.year().toString()));
    }
    doc.add(new SortedSetDocValuesFacetField(Fields.TYPE, meta.type().label));
    facet(doc, Fields.BODY, meta.body());
    facet(doc, Fields.COMMITTEE, meta.committee());
    facet(doc, Fields.REGION, meta.region());
  }

  private static void keyword(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new KeywordField(field, value, Field.Store.YES));
    }
  }

  private static void facet(Document doc, String dim, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new SortedSetDocValuesFacetField(dim, value));
    }
  }

  /**
   * The meaning vector of a file, as a document of its own written after the file's block (so that
   * the lexical index is searchable before any vector is computed). It carries the owner's id, so
   * that replacing or deleting the file removes it, and the file's filter and facet fields, so that a
   * vector search filters by year, type or region as a search does, without a join.
   */
  public Document vectorDocument(String owner, DocumentMetadata meta, float[] vector) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_VECTOR, Field.Store.NO));
    doc.add(new StringField(Fields.OWNER, owner, Field.Store.YES));
    doc.add(new KnnFloatVectorField(Fields.EMBEDDING, vector, IndexSchema.VECTOR_SIMILARITY));
    addFilterFields(doc, meta, Field.Store.NO);
    addFacetFields(doc, meta);
    return facets.build(doc);
  }

  /** Reads back a file document written by {@link #build}, for re-indexing it under a new path. */
  public SourceDocument read(StoredFields stored, int docId, String newRoot, String newPath) throws IOException {
    StoredFile doc = StoredFile.read(stored, docId, StoredFile.Part.WHOLE);
    ExtractedText.OcrUse ocr = doc.ocrPages() == null ? null
        : new ExtractedText.OcrUse(doc.ocrPages(), doc.ocrReason(), doc.ocrConfidence());
    ExtractedText extracted = new ExtractedText(doc.text(), doc.contentType(), null, doc.truncated(), doc.note(),
        Pages.parse(doc.pageStarts()), ocr);
    return new SourceDocument(doc.id(), newRoot, newPath, doc.hash(), doc.size(), extracted, metadata(doc),
        passagesOf(doc.text()));
  }

  /** The metadata of a stored file document. */
  public static DocumentMetadata metadata(StoredFile doc) {
    return new DocumentMetadata(
        emptyToNull(doc.title()),
        doc.date() == null ? null : LocalDate.parse(doc.date()),
        doc.year(),
        DocType.fromLabel(doc.type()).orElse(DocType.OTHER),
        doc.body(),
        doc.committee(),
        doc.region(),
        doc.place(),
        doc.term(),
        doc.meeting(),
        doc.speaker(),
        doc.laws(),
        new OfficialElements(doc.docNumber(), doc.addressee(), doc.signer(),
            doc.published() == null ? null : LocalDate.parse(doc.published())),
        doc.sources());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
