package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 发文字号 typed in any of its written forms finds its document first, over real HTTP against an
 * index the real Indexer built from 公文 as pasted text and the seeds; the document view carries the
 * 公文 elements and where each value came from. The decoys quote the number in their text (a 批复
 * cites the 请示 it answers, twice) or share its words with another year or serial.
 */
class DocNumberSearchTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.seeds().folder("docs", docs -> {
    Files.writeString(docs.resolve("notice.txt"), DocNumberSearchTest.NOTICE, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("reply.txt"), DocNumberSearchTest.REPLY, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("last-year.txt"), DocNumberSearchTest.LAST_YEAR, StandardCharsets.UTF_8);
  }).build();
  static Http http;

  static final String NOTICE = """
      000123
      宿迁市人大常委会文件
      宿人常发〔2024〕12号
      关于开展《中华人民共和国食品安全法》
      执法检查的通知
      各县（区）人大常委会，市人大各专门委员会：
      为做好食品安全法执法检查工作，根据常委会年度工作要点，现将有关事项通知如下。
      请各单位于9月30日前将自查报告报送常委会办公室。
      附件：执法检查工作方案
      宿迁市人民代表大会常务委员会
      二〇二四年三月十五日
      宿迁市人大常委会办公室　　　　2024年3月18日印发
      """;
  static final String REPLY = """
      宿迁市人大常委会文件
      宿人常发〔2024〕15号
      关于同意调整食品安全法执法检查安排的批复
      市人大教科文卫委员会：
      你委《关于调整执法检查安排的请示》收悉。宿人常发〔2024〕12号文件部署的执法检查，经研究，同意调整。
      宿人常发〔2024〕12号文件其余事项不变。
      宿迁市人民代表大会常务委员会
      2024年4月2日
      """;
  static final String LAST_YEAR = """
      宿迁市人大常委会文件
      宿人常发〔2023〕12号
      关于开展食品安全法执法检查的通知
      各县（区）人大常委会：
      现将2023年食品安全法执法检查有关事项通知如下。
      宿迁市人民代表大会常务委员会
      2023年3月1日
      """;

  @BeforeAll
  static void start() {
    assertTrue(server.report().documents() > 3, "indexed " + server.report());
    http = server.http();
  }

  @Test
  void aDocNumberInAnyWrittenFormFindsItsDocumentFirst() throws Exception {
    for (String typed : List.of("宿人常发〔2024〕12号", "宿人常发[2024]12号", "宿人常发（2024）12号", "宿人常发(2024)12号",
        "宿人常发【2024】12号", "宿人常发 [2024] 12 号")) {
      JsonNode hits = http.json("/api/search", "q", typed).get("hits");
      assertTrue(hits.size() > 0, typed + " found nothing");
      assertEquals("notice.txt", fileName(hits.get(0)), typed + " listed first " + hits.get(0));
    }
    JsonNode other = http.json("/api/search", "q", "宿人常发[2023]12号").get("hits");
    assertEquals("last-year.txt", fileName(other.get(0)), "the 2023 number lists its own document first");
  }

  @Test
  void theDocumentViewCarriesTheOfficialElementsAndTheirSources() throws Exception {
    JsonNode hit = http.json("/api/search", "q", "宿人常发〔2024〕12号").get("hits").get(0);
    JsonNode doc = http.json("/api/documents/" + hit.get("id").asText());
    assertEquals("关于开展《中华人民共和国食品安全法》执法检查的通知", doc.get("title").asText());
    assertEquals("宿人常发〔2024〕12号", doc.get("doc_number").asText());
    assertEquals("各县（区）人大常委会，市人大各专门委员会", doc.get("addressee").asText());
    assertEquals("2024-03-15", doc.get("date").asText(), "the 成文日期 of the 落款, not the deadline or the 印发日期");
    assertEquals("通知", doc.get("type").asText());
    assertEquals("宿迁市人民代表大会常务委员会", doc.get("body").asText());
    JsonNode sources = doc.get("sources");
    assertEquals("落款", sources.get("date").asText());
    assertEquals("署名", sources.get("body").asText());
    assertEquals("发文字号", sources.get("doc_number").asText());
    assertTrue(sources.has("title"), "the title's source is stated: " + sources);
  }

  private static String fileName(JsonNode hit) {
    String path = hit.get("path").asText();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
