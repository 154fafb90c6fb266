package org.rendakb.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rendakb.ServerConfig;
import org.rendakb.ServerMain;
import org.rendakb.admin.AdminConfig;
import org.rendakb.admin.AdminToken;
import org.rendakb.admin.FailureThrottle;
import picocli.CommandLine;

/**
 * Who may change the index: off without a token (403), and the configuration defaults and refusals
 * at startup. The slow-down of wrong tokens is {@link AdminThrottleTest}, on a clock it moves.
 */
class AdminAccessTest {
  static final String TOKEN = "access-test-token-fedcba9876543210";

  @RegisterExtension static final ServerFixture server = ServerFixture.seeds().build();
  static Path tmp;
  static Path index;
  static Javalin readOnly;
  static Javalin guarded;

  @BeforeAll
  static void start() throws Exception {
    tmp = server.dir();
    index = server.index();
    readOnly = server.app();
    // three free failures, then 1 s, 2 s, … up to 2 s
    FailureThrottle.Settings strict = new FailureThrottle.Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofMinutes(1), 100);
    guarded = server.startAnother(new ServerConfig(index, "127.0.0.1", 0, List.of(), null,
        new AdminConfig(tmp.resolve("guarded-uploads"), AdminToken.of(TOKEN), 1 << 20, strict)));
  }

  @Test
  void withoutAConfiguredTokenEveryAdminEndpointIs403SayingHowToEnableIt() throws Exception {
    AdminHttp client = new AdminHttp(readOnly.port(), "any-token-at-all-0000000000");
    for (AdminHttp.Answer a : List.of(
        client.upload(new AdminHttp.Form().file("a.txt", "text/plain", "文本".getBytes())),
        client.delete("0123456789abcdef"), client.post("/api/reindex"), client.get("/api/reindex"))) {
      assertEquals(403, a.status(), a.text());
      String error = a.json().get("error").asText();
      assertTrue(error.contains("KB_ADMIN_TOKEN") && error.contains("--admin-token-file"), error);
    }
    assertTrue(Files.notExists(AdminConfig.defaultData(index)), "a read-only server creates no data folder");
  }

  @Test
  void aReindexWithoutInputFoldersIsRefused() throws Exception {
    AdminHttp.Answer a = new AdminHttp(guarded.port(), TOKEN).post("/api/reindex");
    assertEquals(409, a.status());
    assertTrue(a.json().get("error").asText().contains("--input"), a.text());
    assertEquals("idle", new AdminHttp(guarded.port(), TOKEN).get("/api/reindex").json().get("state").asText());
  }

  @Test
  void defaultsBindToLoopbackKeepUploadsBesideTheIndexAndLimitThemTo50Mb() {
    CommandLine cli = new CommandLine(new ServerMain());
    cli.parseArgs("--index", index.toString());
    if (System.getenv("KB_HOST") == null) {
      assertEquals("127.0.0.1", cli.getCommandSpec().findOption("--host").getValue());
    }
    if (System.getenv("KB_MAX_UPLOAD_MB") == null) {
      assertEquals(50L, (Long) cli.getCommandSpec().findOption("--max-upload-mb").getValue());
    }
    AdminConfig off = new ServerConfig(index, "127.0.0.1", 0, List.of(), null).admin();
    assertEquals(50L << 20, off.maxUploadBytes());
    assertEquals(tmp.resolve("uploads").toAbsolutePath().normalize(), off.data());
    assertTrue(!off.enabled());
    assertTrue(!off.toString().contains(TOKEN) && !new AdminConfig(tmp, AdminToken.of(TOKEN), 1).toString().contains(TOKEN),
        "a configuration never prints its token");
  }

  @Test
  void aShortTokenOrADataFolderInsideAnInputIsRefusedAtStartup() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> AdminToken.of("short"));
    Path shortToken = Files.writeString(tmp.resolve("short.token"), "abc\n");
    assertEquals(2, new CommandLine(new ServerMain()).execute("--index", index.toString(), "--port", "0",
        "--admin-token-file", shortToken.toString()));
    Path goodToken = Files.writeString(tmp.resolve("good.token"), TOKEN + "\n");
    assertEquals(TOKEN.length(), TOKEN.strip().length());
    assertTrue(AdminToken.configured(goodToken, null).matches(TOKEN), "the file's final newline is not part of the token");
    assertEquals(2, new CommandLine(new ServerMain()).execute("--index", index.toString(), "--port", "0",
        "--admin-token-file", goodToken.toString(), "--input", tmp.resolve("seeds").toString(),
        "--data", tmp.resolve("seeds/uploads").toString()));
    assertEquals(2, new CommandLine(new ServerMain()).execute("--index", index.toString(), "--port", "0",
        "--admin-token-file", goodToken.toString(), "--max-upload-mb", "0"));
  }
}
