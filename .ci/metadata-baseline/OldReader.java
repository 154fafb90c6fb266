import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rendakb.extract.ExtractedText;
import org.rendakb.extract.Extractor;
import org.rendakb.metadata.DocumentMetadata;
import org.rendakb.metadata.MetadataExtractor;
import org.rendakb.metadata.MetadataInput;

/**
 * Reads the metadata fixtures with another build of the indexer (run by .ci/metadata-baseline with
 * that build's jar on the class path, in Java's source-file mode): one line per file, its path and
 * the fields MetadataKindsTest scores, tab-separated. Uses only what every build since the first
 * has: Extractor.extract(Path), MetadataExtractor.extract(MetadataInput) and the record's fields (the
 * 发文字号 by reflection, where the build has it).
 * Usage: java -cp indexer.jar OldReader.java FILES.tsv OUT.tsv (FILES.tsv: kind, path per line)
 */
public class OldReader {
  public static void main(String[] args) throws Exception {
    List<String> out = new ArrayList<>();
    MetadataExtractor metadata = new MetadataExtractor();
    try (Extractor extractor = new Extractor()) {
      for (String line : Files.readAllLines(Path.of(args[0]))) {
        Path file = Path.of(line.split("\t")[1]);
        String fields;
        try {
          ExtractedText text = extractor.extract(file);
          DocumentMetadata m = metadata.extract(new MetadataInput(file.getFileName().toString(), text.text(), text.properties()));
          fields = String.join("\t", clean(m.title()), clean(m.date()), clean(m.year()), m.type().label, clean(m.body()), clean(m.region()),
              docNumber(m));
        } catch (Exception e) {
          fields = "\t\t\t\t\t\t";
        }
        out.add(file + "\t" + fields);
      }
    }
    Files.write(Path.of(args[1]), out);
  }

  /** The 发文字号, in builds that read one (issue 19 on); before them, none. */
  private static String docNumber(DocumentMetadata m) {
    try {
      Object official = DocumentMetadata.class.getMethod("official").invoke(m);
      return clean(official.getClass().getMethod("docNumber").invoke(official));
    } catch (ReflectiveOperationException e) {
      return "";
    }
  }

  private static String clean(Object value) {
    return Objects.toString(value, "").replaceAll("\\s+", " ").strip();
  }
}
