package org.rendakb.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines of a PDF's first and last pages as a reader sees them, from PDFBox's text positions:
 * font size, bold (a bold face, or the outline LibreOffice and Word stroke around a face that has
 * no bold), and where each line stands on its page ({@link PageLines}). The first pages hold the
 * title, the mark and the 题注, the last ones the 落款; lines at one height on several of them are
 * running headers and footers. Fails soft: a file PDFBox cannot read this way has no blocks.
 */
final class PdfLayout {
  private static final Logger log = LoggerFactory.getLogger(PdfLayout.class);
  static final int FIRST_PAGES = 3;
  static final int LAST_PAGES = 2;

  List<Block> read(Path file) {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      int pages = doc.getNumberOfPages();
      if (pages == 0) {
        return List.of();
      }
      Stripper stripper = new Stripper();
      stripper.read(doc, 1, Math.min(FIRST_PAGES, pages));
      if (pages > FIRST_PAGES) {
        stripper.read(doc, Math.max(FIRST_PAGES + 1, pages - LAST_PAGES + 1), pages);
      }
      float width = doc.getPage(0).getCropBox().getWidth();
      if (doc.getPage(0).getRotation() % 180 != 0) {
        width = doc.getPage(0).getCropBox().getHeight();
      }
      Blocks blocks = new Blocks();
      PageLines.judge(stripper.lines, width).forEach(blocks::add);
      return blocks.build();
    } catch (IOException | RuntimeException e) {
      log.debug("no layout read from {}: {}", file.getFileName(), e.toString());
      return List.of();
    }
  }

  /** Gathers each line's text and positions as PDFBox writes it out, sorted by position. */
  private static final class Stripper extends PDFTextStripper {
    private final List<PageLines.Placed> lines = new ArrayList<>();
    /** Glyphs drawn bold, known only while they are drawn (the rendering mode is graphics state). */
    private final Set<TextPosition> bold = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StringBuilder text = new StringBuilder();
    private final List<TextPosition> positions = new ArrayList<>();

    Stripper() throws IOException {
      setSortByPosition(true);
      setSuppressDuplicateOverlappingText(true);
    }

    void read(PDDocument doc, int from, int to) throws IOException {
      setStartPage(from);
      setEndPage(to);
      getText(doc);
      flush();
      bold.clear();
    }

    @Override
    protected void processTextPosition(TextPosition t) {
      RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
      if (mode == RenderingMode.FILL_STROKE || boldFace(t.getFont())) {
        bold.add(t);
      }
      super.processTextPosition(t);
    }

    @Override
    protected void writeString(String string, List<TextPosition> textPositions) {
      text.append(string);
      positions.addAll(textPositions);
    }

    @Override
    protected void writeWordSeparator() {
      text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      flush();
    }

    @Override
    protected void writeParagraphEnd() {
      flush();
    }

    @Override
    protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) {
      flush();
    }

    private void flush() {
      if (positions.isEmpty() || text.toString().isBlank()) {
        text.setLength(0);
        positions.clear();
        return;
      }
      float x0 = Float.MAX_VALUE;
      float x1 = -Float.MAX_VALUE;
      float top = Float.MAX_VALUE;
      int boldCount = 0;
      // the size most of its glyphs have: a footnote mark or a digit in another face does not make a line small
      java.util.Map<Float, Integer> sizes = new java.util.HashMap<>();
      for (TextPosition p : positions) {
        x0 = Math.min(x0, p.getXDirAdj());
        x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
        top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
        sizes.merge(Math.round(p.getFontSizeInPt() * 2) / 2f, 1, Integer::sum);
        if (bold.contains(p)) {
          boldCount++;
        }
      }
      float points = sizes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(0f);
      lines.add(new PageLines.Placed(getCurrentPageNo(), text.toString().strip(), x0, x1, top, points, boldCount * 2 > positions.size()));
      text.setLength(0);
      positions.clear();
    }
  }

  /** A face that is bold by its weight or its name: Bold, Black, Heavy, 黑体 (SimHei), 小标宋 (FZXBS). */
  static boolean boldFace(PDFont font) {
    if (font == null) {
      return false;
    }
    PDFontDescriptor d = font.getFontDescriptor();
    if (d != null && (d.isForceBold() || d.getFontWeight() >= 600)) {
      return true;
    }
    return Blocks.boldFace(font.getName());
  }
}
