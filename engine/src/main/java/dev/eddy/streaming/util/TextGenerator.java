package dev.eddy.streaming.util;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the lines of Eddy's demo source ({@code ssc.textGeneratorStream}): each line is ten words
 * drawn from {@link #VOCABULARY}, separated by single spaces. The lines of a batch depend only on
 * the seed and the batch's index, so a test or a tutorial can recompute them. Stateless.
 */
public final class TextGenerator {
  /** The hundred short English words lines are made of. */
  public static final List<String> VOCABULARY = List.of(
      "the", "a", "and", "of", "to", "in", "is", "it", "you", "that",
      "he", "was", "for", "on", "are", "as", "with", "his", "they", "at",
      "be", "this", "have", "from", "or", "one", "had", "by", "word", "but",
      "not", "what", "all", "were", "we", "when", "your", "can", "said", "there",
      "use", "an", "each", "which", "she", "do", "how", "their", "if", "will",
      "up", "other", "about", "out", "many", "then", "them", "these", "so", "some",
      "her", "would", "make", "like", "him", "into", "time", "has", "look", "two",
      "more", "write", "go", "see", "number", "no", "way", "could", "people", "my",
      "than", "first", "water", "been", "call", "who", "oil", "its", "now", "find",
      "long", "down", "day", "did", "get", "come", "made", "may", "part", "river");

  /** Words per line. */
  public static final int WORDS_PER_LINE = 10;

  private TextGenerator() {}

  /**
   * Returns the lines of one batch.
   *
   * @param seed the stream's seed
   * @param batchIndex the batch's index since the stream started, from 0
   * @param linesPerBatch how many lines to make
   */
  public static List<String> lines(long seed, long batchIndex, int linesPerBatch) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + batchIndex);
    List<String> lines = new ArrayList<>(linesPerBatch);
    for (int i = 0; i < linesPerBatch; i++) {
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < WORDS_PER_LINE; w++) {
        if (w > 0) {
          line.append(' ');
        }
        line.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
