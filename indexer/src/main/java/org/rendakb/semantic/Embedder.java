package org.rendakb.semantic;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text to meaning vectors, in-process and offline: BAAI bge-small-zh-v1.5, quantised, from the
 * model and tokenizer that langchain4j ships inside its jar (no GPU, no model service, no download),
 * run by ONNX Runtime directly with one core per call, so that the indexer's threads each keep a
 * core busy. Each text is encoded alone: the quantised model scales its activations over the whole
 * input, so a text encoded in a batch got a vector that depended on its neighbours (cosine 0.992
 * against the same text alone), which made a build's vectors and its relevance vary with the order
 * files were read in, and a cached vector differ from a fresh one. Alone is as fast here as batches
 * of 16 (ratio 0.90-0.97, see docs/semantic.md). The vector is the [CLS] state, unit length, so a
 * dot product is a cosine. Thread-safe.
 */
public final class Embedder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Embedder.class);

  /** Names the model in cache keys: another model's vectors are never mixed in. */
  public static final String MODEL = "bge-small-zh-v1.5-q";
  /** What a cached vector was made by: vectors of texts encoded in batches (before 2026-12) are not reused. */
  public static final String VECTORS = MODEL + ", one text per call";
  public static final int DIMENSIONS = 512;
  /**
   * The model reads at most 512 tokens (about as many characters of Chinese); longer text is cut
   * here rather than split and averaged, which costs as much again and blurs the meaning.
   */
  public static final int MAX_CHARS = 500;
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

  /** The vector of one text (a query, or a document's title and opening); a function of the text alone. */
  public float[] embed(String text) {
    long[] tokens = tokenizer.encode(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text).getIds();
    long[] mask = new long[tokens.length];
    Arrays.fill(mask, 1);
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, new long[][] {tokens}));
      inputs.put("attention_mask", OnnxTensor.createTensor(environment, new long[][] {mask}));
      if (tokenTypes) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(environment, new long[1][tokens.length]));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        return unit(((float[][][]) result.get(0).getValue())[0][0]);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed on a text of " + text.length() + " chars", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** The vectors of several texts, in their order. */
  public List<float[]> embedAll(List<String> texts) {
    return texts.stream().map(this::embed).toList();
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
