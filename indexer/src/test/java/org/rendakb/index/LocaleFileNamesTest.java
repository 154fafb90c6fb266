package org.rendakb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine whose locale is not UTF-8 (a bare cron job, {@code env -i}) reads file names in ASCII:
 * a Chinese name cannot be read there. The run goes on, indexes the other files and lists that one
 * with what to do, in the real indexer in a child JVM under LANG=C.
 */
class LocaleFileNamesTest {
  @TempDir Path work;

  @Test
  void aNameTheLocaleCannotReadIsListedAndTheRunGoesOn() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    Files.writeString(in.resolve("plain.txt"), "关于开展执法检查的通知\n请各单位认真做好执法检查的各项准备工作，按时报送材料。\n",
        StandardCharsets.UTF_8);
    Files.writeString(in.resolve("上海市养犬管理条例.txt"), "上海市养犬管理条例\n为了加强养犬管理，规范养犬行为，保障公民健康和人身安全，制定本条例。\n",
        StandardCharsets.UTF_8);
    Path report = work.resolve("report.json");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.rendakb.cli.IndexerCli", "--no-semantic",
        "--index", work.resolve("index").toString(), "--report", report.toString(), in.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("log").toFile());
    builder.environment().clear();
    builder.environment().put("LANG", "C");
    Process p = builder.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run ended");
    String log = Files.readString(work.resolve("log"));
    assertEquals(0, p.exitValue(), log);
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    assertEquals(1, r.get("added").asInt(), "the file with a plain name is indexed: " + r);
    assertEquals(1, r.get("failed").size(), r.toString());
    String reason = r.get("failed").get(0).get("reason").asText();
    assertTrue(reason.contains("UTF-8 locale"), reason);
    assertTrue(log.contains("LANG=C.UTF-8"), "the first lines say so: " + log);
  }
}
