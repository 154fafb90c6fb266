package org.rendakb.search.query;

/**
 * Every weight of the topic ranking, in one place: how much each field and view of a word counts,
 * what a year, a document of the congress's own work, a part of a partial match and a 发文字号 add.
 * The relevance gates (TopicEvaluationTest) pin the effect of changing any of them.
 */
public final class Weights {
  private Weights() {}

  /** A word as a smartcn phrase in the text: the reference weight. */
  public static final float TEXT_WORDS = 1.0f;
  /** The same in the title: a title names what a document is about. */
  public static final float TITLE_WORDS = 2.0f;
  /** A word's characters in a row in the text (bigram phrase), inside a longer word too: recall. */
  public static final float TEXT_BIGRAMS = 0.5f;
  /** The same in the title. */
  public static final float TITLE_BIGRAMS = 1.5f;
  /** All smartcn words of a long word apart in the text: weak evidence, counted for partial matches only. */
  public static final float TEXT_ALL_WORDS = 0.3f;
  /** All smartcn words of a long word apart in the title: a full match. */
  public static final float TITLE_ALL_WORDS = 1.0f;
  /** A year among the words (2018, 二〇一八年) puts that year's documents first without being required. */
  public static final float YEAR = 4.0f;
  /** A word read loosely counts mostly in the title: a typo'd word in a body is noise more often. */
  public static final float LOOSE_TITLE = 4.0f;

  /**
   * What a document of the congress's own work (a speech, a work or survey report, a deliberation
   * opinion, a decision) adds to a full match's score: a little ahead of a legal text that matches
   * about as well, which is what staff look for first. Staff questions' nDCG@10 0.873 -> 0.880 at
   * x2 and x4, nothing else moved; at x16 it overrides the words (place+topic MRR 0.972 -> 0.952).
   */
  public static final float WORK_DOCUMENT = 2f;

  /**
   * What each part of the query a partial match holds adds to its score, far above any match score:
   * partial matches are ordered by how many parts they hold, then by how well they match.
   */
  public static final float PART = 10_000f;

  /** A 发文字号 typed in the query: above every other score of a full match, partial-match parts included. */
  public static final float DOC_NUMBER = PART * 100;
}
