package org.duban.query.bulletin;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.duban.api.issue.BulletinEntryKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Lays a published bulletin out as an official notice (红头文件): the issuer's red title line and
 * the number above a red rule, the title and period, commendations then criticisms, and the
 * issuer and date at the bottom. The Chinese font (WenQuanYi Micro Hei, Apache 2.0, shipped in
 * resources/fonts) is embedded as a subset, so the PDF reads the same on any machine.
 */
@Component
class BulletinPdf {
    private static final String FONT = "fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final String[] NUMERALS = {"一", "二"};

    private final String issuer;
    private final Clock clock;
    private volatile byte[] fontBytes;

    BulletinPdf(@Value("${duban.bulletin.issuer:XX医院督办委员会}") String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    byte[] render(BulletinDetail bulletin) {
        try {
            return render(bulletin, true);
        } catch (java.util.ConcurrentModificationException subsettingFailed) {
            // PDFBox's font subsetting failed on some hostile entry text (found by fuzzing, a 500);
            // the whole font embedded makes a larger notice, but a notice
            return render(bulletin, false);
        }
    }

    private byte[] render(BulletinDetail bulletin, boolean subsetFont) {
        try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(font()));
             PDDocument document = new PDDocument()) {
            TrueTypeFont ttf = collection.getFontByName(FONT_NAME);
            NoticeWriter page = new NoticeWriter(document, PDType0Font.load(document, ttf, subsetFont));
            page.redHead(issuer + "通报", bulletin.number());
            page.centred(bulletin.title(), 18);
            page.centred("（" + bulletin.period().substring(0, 4) + "年" + Integer.parseInt(bulletin.period().substring(5)) + "月）", 12);
            page.space(10);
            int section = 0;
            for (BulletinEntryKind kind : BulletinEntryKind.values()) {
                List<BulletinDetail.Entry> entries = bulletin.entries().stream().filter(e -> e.kind() == kind).toList();
                if (entries.isEmpty()) continue;
                page.heading(NUMERALS[section++] + "、" + (kind == BulletinEntryKind.COMMENDATION ? "表扬" : "批评"));
                int n = 1;
                for (BulletinDetail.Entry e : entries) {
                    String subject = (e.issueTitle() == null ? "问题 " + e.issueId() : e.issueTitle())
                            + (e.departmentName() == null ? "" : "（" + e.departmentName() + "）");
                    page.paragraph((n++) + ". " + subject, 12, true);
                    for (String line : e.text().split("\\R")) page.paragraph(line, 12, false);
                }
                page.space(6);
            }
            LocalDate day = bulletin.publishedAt() == null ? LocalDate.now(clock) : LocalDate.ofInstant(bulletin.publishedAt(), clock.getZone());
            page.signature(issuer, day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
            page.close();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(bulletin.number() + " " + bulletin.title());
            info.setAuthor(issuer);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Bulletin " + bulletin.id() + " could not be rendered", e);
        }
    }

    /** The font file, read once (5 MB) and parsed per document, since a parsed font is not shared between documents. */
    private byte[] font() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }
}
