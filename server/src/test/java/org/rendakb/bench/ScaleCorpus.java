package org.rendakb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A corpus {@code factor} times the size of the shared one, for the scale benchmark: the originals
 * plus {@code factor - 1} variants of every Markdown and text file of the manifest. A variant keeps
 * its template's header (dates, adopting body) and folder (so type and region stay real), gets a new
 * title and file name, and as many paragraphs as its template, drawn with a seed from all the
 * paragraphs of the documents of the same type and region: the vocabulary and the facet spread stay
 * those of real documents while the texts are new. The two PDFs are not varied (about 1% of the text).
 */
public final class ScaleCorpus {
  private static final Pattern TYPE_WORD = Pattern.compile("(政府工作报告|工作报告|实施办法|若干规定|条例|规定|办法|决定|决议|细则|规则|解释|报告|法)$");
  private static final String INFO_END = "<!-- INFO END -->";

  private record Source(Path relative, String header, String title, List<String> paragraphs) {}

  private ScaleCorpus() {}

  /** Writes the variants under {@code out} (replacing what is there) and returns their folder. */
  public static Path generate(Path corpus, Path out, int factor, long seed) throws IOException {
    Files.createDirectories(out);
    Map<String, List<Source>> groups = new LinkedHashMap<>();
    List<String> manifest = Files.readAllLines(corpus.resolve("manifest.tsv"));
    for (String line : manifest.subList(1, manifest.size())) {
      String[] cells = line.split("\t", -1);
      Path relative = Path.of(cells[0]);
      Source source = read(relative, Files.readString(corpus.resolve(relative)));
      if (source != null) {
        groups.computeIfAbsent(cells[2] + "\t" + cells[4], k -> new ArrayList<>()).add(source);
      }
    }
    Random random = new Random(seed);
    for (List<Source> group : groups.values()) {
      List<String> pool = group.stream().flatMap(s -> s.paragraphs().stream()).toList();
      for (Source template : group) {
        for (int k = 1; k < factor; k++) {
          StringBuilder text = new StringBuilder(template.header().replace(template.title(), variantTitle(template.title(), k)));
          for (int i = 0; i < template.paragraphs().size(); i++) {
            text.append('\n').append(pool.get(random.nextInt(pool.size()))).append('\n');
          }
          Path target = out.resolve("v" + k).resolve(variantName(template.relative(), k));
          Files.createDirectories(target.getParent());
          Files.writeString(target, text, StandardCharsets.UTF_8);
        }
      }
    }
    return out;
  }

  /** Header (everything up to the first paragraph of body text) and paragraphs of one file. */
  private static Source read(Path relative, String text) {
    String name = relative.getFileName().toString();
    int bodyStart;
    if (name.endsWith(".md")) {
      int info = text.indexOf(INFO_END);
      bodyStart = info < 0 ? Math.max(0, text.indexOf('\n') + 1) : info + INFO_END.length();
    } else if (name.endsWith(".txt")) {
      bodyStart = Math.max(0, text.indexOf('\n') + 1);
    } else {
      return null;
    }
    String header = text.substring(0, bodyStart);
    String firstLine = header.lines().findFirst().orElse("");
    String title = firstLine.replaceFirst("^#+\\s*", "").strip();
    List<String> paragraphs = text.substring(bodyStart).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (title.isEmpty() || paragraphs.isEmpty()) {
      return null;
    }
    return new Source(relative, header + "\n", title, paragraphs);
  }

  /**
   * 上海市养老服务条例 → 上海市养老服务（样本3）条例: the longest type phrase stays whole at the end,
   * where metadata reads the type (…（样本1）政府工作报告, not …政府工作（样本1）报告).
   */
  static String variantTitle(String title, int k) {
    Matcher m = TYPE_WORD.matcher(title);
    String tag = "（样本" + k + "）";
    return m.find() ? title.substring(0, m.start()) + tag + m.group() : title + tag;
  }

  private static Path variantName(Path relative, int k) {
    String name = relative.getFileName().toString();
    // the tag goes before a trailing "(2020-05-14)", where the date of a version is read
    int at = name.lastIndexOf('.');
    if (name.substring(0, at).endsWith(")") && name.lastIndexOf('(') > 0) {
      at = name.lastIndexOf('(');
    }
    String renamed = name.substring(0, at) + "-v" + k + name.substring(at);
    return relative.getParent() == null ? Path.of(renamed) : relative.getParent().resolve(renamed);
  }
}
