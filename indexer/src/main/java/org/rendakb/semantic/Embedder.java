package org.rendakb.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text to meaning vectors, in-process and offline: BAAI bge-small-zh-v1.5, quantised, from the
 * model and tokenizer that langchain4j ships inside its jar (no GPU, no model service, no download),
 * run by ONNX Runtime directly rather than through langchain4j's one-text-at-a-time encoder: texts
 * of similar length are encoded together, and each call uses one core, so that the indexer's
 * threads each keep a core busy. Measured on the corpus on this 2-core machine, with the same
 * vectors (cosine 1.0000): 2.8x langchain4j's throughput (see docs/semantic.md). The vector is the
 * [CLS] state, unit length, so a dot product is a cosine. Thread-safe.
 */
public final class Embedder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Embedder.class);

  /** Names the model in cache keys: another model's vectors are never mixed in. */
  public static final String MODEL = "bge-small-zh-v1.5-q";
  public static final int DIMENSIONS = 512;
  /**
   * The model reads at most 512 tokens (about as many characters of Chinese); longer text is cut
   * here rather than split and averaged, which costs as much again and blurs the meaning.
   */
  public static final int MAX_CHARS = 500;
  /** Texts encoded in one call: padding to the longest costs little when texts are sorted by length. */
  public static final int BATCH = 16;
  private static final String MODEL_RESOURCE = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER_RESOURCE = "bge-small-zh-v1.5-q-tokenizer.json";

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean tokenTypes;

  private Embedder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) throws OrtException {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.tokenTypes = session.getInputNames().contains("token_type_ids");
  }

  /** Loads the model, or says in plain words why meaning search is off. */
  public static Embedder load() throws SemanticUnavailableException {
    long start = System.nanoTime();
    try (InputStream model = resource(MODEL_RESOURCE); InputStream vocabulary = resource(TOKENIZER_RESOURCE)) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      // one core per call: callers run in parallel, and one small model gains little from two threads
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary,
          Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
      Embedder embedder = new Embedder(environment, session, tokenizer);
      log.info("meaning vectors: {} loaded in {} ms", MODEL, (System.nanoTime() - start) / 1_000_000);
      return embedder;
    } catch (IOException | OrtException | RuntimeException | LinkageError e) {
      // ONNX Runtime and the tokenizer ship native code for the usual platforms only
      throw new SemanticUnavailableException("the embedding model could not be loaded on this machine ("
          + e.getClass().getSimpleName() + "); search by meaning is off", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = Embedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("the model file " + name + " is not on the classpath");
    }
    return in;
  }

  /** The vector of one text (a query, or a document's title and opening). */
  public float[] embed(String text) {
    return embedAll(List.of(text)).getFirst();
  }

  /** The vectors of several texts, in their order. */
  public List<float[]> embedAll(List<String> texts) {
    // sorted by length, so that each batch pads little
    List<Integer> order = IntStream.range(0, texts.size()).boxed()
        .sorted(Comparator.comparingInt(i -> texts.get(i).length())).toList();
    float[][] out = new float[texts.size()][];
    for (int from = 0; from < order.size(); from += BATCH) {
      List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
      List<float[]> vectors = encode(batch.stream().map(i -> cut(texts.get(i))).toList());
      for (int j = 0; j < batch.size(); j++) {
        out[batch.get(j)] = vectors.get(j);
      }
    }
    return List.of(out);
  }

  private static String cut(String text) {
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  private List<float[]> encode(List<String> texts) {
    Encoding[] encodings = tokenizer.batchEncode(texts);
    int length = 0;
    for (Encoding e : encodings) {
      length = Math.max(length, e.getIds().length);
    }
    long[][] ids = new long[texts.size()][length];
    long[][] mask = new long[texts.size()][length];
    for (int i = 0; i < encodings.length; i++) {
      long[] tokens = encodings[i].getIds();
      System.arraycopy(tokens, 0, ids[i], 0, tokens.length);
      System.arraycopy(encodings[i].getAttentionMask(), 0, mask[i], 0, tokens.length);
    }
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
      inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
      if (tokenTypes) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(environment, new long[texts.size()][length]));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] states = (float[][][]) result.get(0).getValue();
        List<float[]> out = new ArrayList<>(texts.size());
        for (float[][] state : states) {
          out.add(unit(state[0]));
        }
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed on a batch of " + texts.size() + " texts", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** The [CLS] state scaled to unit length, as bge is trained to be compared. */
  private static float[] unit(float[] cls) {
    double norm = 0;
    for (float x : cls) {
      norm += x * x;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    float[] v = new float[cls.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = cls[i] * scale;
    }
    return v;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      log.debug("closing the embedding model: {}", e.getMessage());
    }
    tokenizer.close();
  }
}
