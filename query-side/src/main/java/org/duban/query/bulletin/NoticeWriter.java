package org.duban.query.bulletin;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes lines top to bottom on A4 pages, wrapping text by character (Chinese has no spaces)
 * and starting a new page when one is full. Characters the font lacks become □.
 */
final class NoticeWriter {
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 72;
    private static final float WIDTH = A4.getWidth() - 2 * MARGIN;
    private static final Color RED = new Color(0xC8, 0x10, 0x2E);

    private final PDDocument document;
    private final PDType0Font font;
    private PDPageContentStream content;
    private float y;

    NoticeWriter(PDDocument document, PDType0Font font) throws IOException {
        this.document = document;
        this.font = font;
        newPage();
    }

    void redHead(String headline, String number) throws IOException {
        float size = fitting(headline, 26);
        line(headline, size, centreOf(headline, size), RED);
        space(6);
        centred(number, 12);
        space(2);
        content.setStrokingColor(RED);
        content.setLineWidth(1.5f);
        content.moveTo(MARGIN, y);
        content.lineTo(MARGIN + WIDTH, y);
        content.stroke();
        space(24);
    }

    void centred(String text, float size) throws IOException {
        for (String part : wrap(printable(text), size, WIDTH)) line(part, size, centreOf(part, size), Color.BLACK);
    }

    void heading(String text) throws IOException {
        space(4);
        line(printable(text), 14, MARGIN, Color.BLACK);
    }

    void paragraph(String text, float size, boolean first) throws IOException {
        float indent = first ? 0 : 2 * size;
        List<String> lines = wrap(printable(text), size, WIDTH - indent);
        for (int i = 0; i < lines.size(); i++) line(lines.get(i), size, MARGIN + (i == 0 ? indent : 0), Color.BLACK);
    }

    void signature(String issuer, String date) throws IOException {
        space(36);
        float size = 12;
        float right = MARGIN + WIDTH;
        line(printable(issuer), size, right - width(printable(issuer), size), Color.BLACK);
        line(date, size, right - width(date, size), Color.BLACK);
    }

    void space(float points) {
        y -= points;
    }

    void close() throws IOException {
        content.close();
    }

    private void line(String text, float size, float x, Color colour) throws IOException {
        float leading = size * 1.6f;
        if (y - leading < MARGIN) newPage();
        y -= leading;
        content.beginText();
        content.setNonStrokingColor(colour);
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private void newPage() throws IOException {
        if (content != null) content.close();
        PDPage page = new PDPage(A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = A4.getHeight() - MARGIN;
    }

    private List<String> wrap(String text, float size, float available) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (current.length() > 0 && width(current + ch, size) > available) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(ch);
            i += Character.charCount(cp);
        }
        if (current.length() > 0 || lines.isEmpty()) lines.add(current.toString());
        return lines;
    }

    /** The text with every character the font cannot show (and every control character) replaced. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : shows(cp) ? cp : '□'));
        return out.toString();
    }

    /** PDFBox refuses to encode a character without a glyph (glyph 0). */
    private boolean shows(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private float fitting(String text, float size) throws IOException {
        float fitted = size;
        while (fitted > 12 && width(text, fitted) > WIDTH) fitted -= 1;
        return fitted;
    }

    private float centreOf(String text, float size) throws IOException {
        return MARGIN + (WIDTH - width(text, size)) / 2;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }
}
