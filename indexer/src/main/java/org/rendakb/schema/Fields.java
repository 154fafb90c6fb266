package org.rendakb.schema;

/**
 * Every field name of the index, in one place for the indexer and the server.
 *
 * <p>One Lucene index holds two kinds of documents, told apart by {@link #KIND}: a source file
 * ({@link #KIND_DOCUMENT}) and each of its passages ({@link #KIND_PASSAGE}). Passages carry copies
 * of their parent's filter fields so that precedent search filters without a join.
 */
public final class Fields {
  private Fields() {}

  public static final String KIND = "kind";
  public static final String KIND_DOCUMENT = "doc";
  public static final String KIND_PASSAGE = "passage";
  /** a file's meaning vector, a document of its own written after the file (LuceneDocuments.vectorDocument) */
  public static final String KIND_VECTOR = "vector";

  // identity and sync state of a source file
  public static final String ID = "id";
  /** The id as a number in the same order (IndexSchema.idOrder), for the tie-break of every ranked list. */
  public static final String ID_ORDER = "id_order";
  public static final String ROOT = "root";
  public static final String PATH = "path";
  public static final String HASH = "hash";
  public static final String SIZE = "size";
  public static final String CONTENT_TYPE = "content_type";
  public static final String TRUNCATED = "truncated";
  public static final String NOTE = "note";
  /** {@code text} or {@code ocr}: whether Tesseract read (part of) the text, so a reader knows who erred */
  public static final String EXTRACTION = "extraction";
  /** Tesseract's mean word confidence over the pages it read, 0-100 */
  public static final String OCR_CONFIDENCE = "ocr_confidence";
  /** pages OCR read, and why ({@code no text layer|unreadable text layer}) */
  public static final String OCR_PAGES = "ocr_pages";
  public static final String OCR_REASON = "ocr_reason";
  /** a paginated file's page starts as offsets in its text, comma-separated (extract.Pages) */
  public static final String PAGE_STARTS = "page_starts";

  // analysed text: smartcn words for meaning, CJK bigrams for recall and exact phrases
  public static final String TITLE = "title";
  public static final String TITLE_BIGRAMS = "title_bi";
  public static final String TEXT = "text";
  public static final String TEXT_BIGRAMS = "text_bi";

  // metadata people filter on; the facet dimensions use the same names
  public static final String DATE = "date";
  /** the date as days since 1970-01-01, for range filters and sorting */
  public static final String DATE_DAYS = "date_days";
  public static final String YEAR = "year";
  public static final String TYPE = "type";
  public static final String BODY = "body";
  public static final String COMMITTEE = "committee";
  public static final String REGION = "region";
  public static final String PLACE = "place";
  public static final String TERM = "term";
  public static final String MEETING = "meeting";
  public static final String SPEAKER = "speaker";
  public static final String LAW = "law";
  // 公文 elements: 发文字号 (normalised to 〔〕, looked up as a term), 主送机关, 签发人, the site's 发布时间
  public static final String DOC_NUMBER = "doc_number";
  public static final String ADDRESSEE = "addressee";
  public static final String SIGNER = "signer";
  public static final String PUBLISHED = "published";
  /** where each metadata value came from, stored as {@link StoredSources} writes it */
  public static final String SOURCES = "sources";

  /**
   * The id of the source file a Lucene document belongs to, on the document and on each of its
   * passages: one term replaces or deletes a file's documents atomically.
   */
  public static final String OWNER = "owner";

  // passages
  public static final String PARENT = "parent";
  public static final String POSITION = "position";
  public static final String START = "start";
  /** the page (from 1) a passage of a paginated file starts on, in numeric doc values; absent otherwise */
  public static final String PAGE = "page";
  /**
   * a passage's text, in binary doc values only (read with {@link PassageTexts}): passages are
   * matched by {@link #PASSAGE_BIGRAMS}
   */
  public static final String PASSAGE = "passage";
  public static final String PASSAGE_BIGRAMS = "passage_bi";

  /** the meaning vector of a file's title and opening (semantic.EmbeddingInput), on its vector document */
  public static final String EMBEDDING = "embedding";
}
