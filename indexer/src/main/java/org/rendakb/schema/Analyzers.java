package org.rendakb.schema;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analysed views of every text, shared by indexing and querying.
 *
 * <p>Words (SmartChineseAnalyzer's chain) carry meaning and rank well, but the segmenter hides
 * words inside longer segments (大学 in 北京大学) and cuts phrases at different places in a query
 * than in the text. CJK bigrams match any substring of two or more characters, so they give recall
 * and exact phrase matching; both views fold width and traditional forms first.
 */
public final class Analyzers {
  private Analyzers() {}

  /** smartcn words: HMM segmentation, lower case, punctuation dropped, English stemmed. */
  public static Analyzer words() {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new FoldingCharFilter(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new HMMChineseTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }

      @Override
      protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new FoldingCharFilter(reader);
      }
    };
  }

  /** Overlapping CJK bigrams (a lone ideograph stays a unigram); other scripts as standard words. */
  public static Analyzer bigrams() {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new FoldingCharFilter(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }

      @Override
      protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new FoldingCharFilter(reader);
      }
    };
  }

  /** The analyzer for each analysed field; keyword fields pass through unchanged. */
  public static Analyzer perField() {
    Analyzer words = words();
    Analyzer bigrams = bigrams();
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        Map.of(
            Fields.TITLE, words,
            Fields.TEXT, words,
            Fields.TITLE_BIGRAMS, bigrams,
            Fields.TEXT_BIGRAMS, bigrams,
            Fields.PASSAGE_BIGRAMS, bigrams));
  }

  /** Whether a field holds bigrams (phrases are matched there). */
  public static boolean isBigramField(String field) {
    return field.endsWith("_bi");
  }
}
