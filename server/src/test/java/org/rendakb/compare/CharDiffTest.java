package org.rendakb.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The character marks of a changed row, on the wording of a real amendment. */
class CharDiffTest {
  static final String OLD = "第一条 为了规范收养登记行为，根据《中华人民共和国收养法》(以下简称收养法)，制定本办法。";
  static final String NEW = "第一条 为了规范收养登记行为，根据《中华人民共和国民法典》（以下简称民法典），制定本办法。";

  static String html(List<Piece> pieces, String tag) {
    return pieces.stream().map(p -> p.changed() ? "<" + tag + ">" + p.text() + "</" + tag + ">" : p.text())
        .collect(Collectors.joining());
  }

  static String text(List<Piece> pieces) {
    return pieces.stream().map(Piece::text).collect(Collectors.joining());
  }

  @Test
  void aReplacedNameIsOneChangeAndWidthAloneIsNone() {
    CharDiff.Sides d = CharDiff.of(OLD, NEW);
    assertEquals("第一条 为了规范收养登记行为，根据《中华人民共和国<del>收养法</del>》(以下简称<del>收养法</del>)，制定本办法。",
        html(d.a(), "del"));
    assertEquals("第一条 为了规范收养登记行为，根据《中华人民共和国<ins>民法典</ins>》（以下简称<ins>民法典</ins>），制定本办法。",
        html(d.b(), "ins"));
  }

  @Test
  void bothSidesKeepEveryCharacterAsWritten() {
    String a = "县级以上人民政府应当加强领导。";
    String b = "县级以上地方人民政府应当统筹协调，加强组织领导。";
    CharDiff.Sides d = CharDiff.of(a, b);
    assertEquals(a, text(d.a()));
    assertEquals(b, text(d.b()));
    assertEquals("县级以上<ins>地方</ins>人民政府应当<ins>统筹协调，</ins>加强<ins>组织</ins>领导。", html(d.b(), "ins"));
    assertEquals(a, html(d.a(), "del"), "nothing was deleted");
  }

  @Test
  void theHtmlOfARowIsEscaped() {
    Comparison c = Comparison.of(new Table(new Comparison.Side("a", "t", null), new Comparison.Side("b", "t", null),
        List.of(new Table.TableRow(List.of(new Piece("<script>", true)), List.of(new Piece("&", false)), Table.Change.CHANGED))));
    assertEquals("<del>&lt;script&gt;</del>", c.rows().getFirst().a());
    assertEquals("&amp;", c.rows().getFirst().b());
    assertEquals(1, c.counts().changed());
  }
}
