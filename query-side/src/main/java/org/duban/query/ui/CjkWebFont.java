package org.duban.query.ui;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The Chinese font of the pages: the first face of the WenQuanYi Micro Hei collection that the
 * bulletin PDFs embed (Apache-2.0, fonts/NOTICE), served as a plain TrueType file so Chinese
 * renders on workstations and servers without a CJK font. Browsers refuse the collection file
 * itself (its tables are not 4-byte aligned: "OTS parsing error: misaligned table"), so the face
 * is copied out once, with its tables realigned; no second 5 MB copy lives in the repository.
 */
@Controller
class CjkWebFont {
    private static final String COLLECTION = "fonts/wqy-microhei.ttc";
    private static final MediaType TTF = MediaType.parseMediaType("font/ttf");

    private volatile byte[] face;

    @GetMapping("/fonts/duban-cjk.ttf")
    ResponseEntity<byte[]> font() {
        return ResponseEntity.ok().contentType(TTF)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic()).body(face());
    }

    private byte[] face() {
        byte[] f = face;
        if (f == null) {
            try (InputStream in = new ClassPathResource(COLLECTION).getInputStream()) {
                f = firstFace(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            face = f;
        }
        return f;
    }

    /** The first font of a TrueType collection as a standalone font file, each table starting on a 4-byte boundary. */
    static byte[] firstFace(byte[] collection) {
        ByteBuffer ttc = ByteBuffer.wrap(collection);
        if (ttc.getInt(0) != 0x74746366) throw new IllegalArgumentException("not a TrueType collection"); // 'ttcf'
        int font = ttc.getInt(12);
        int tables = Short.toUnsignedInt(ttc.getShort(font + 4));
        int directory = 12 + 16 * tables;
        int size = directory;
        for (int i = 0; i < tables; i++) size += align(ttc.getInt(font + 12 + 16 * i + 12));
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(collection, font, 12); // sfnt version, table count, search range fields: unchanged
        int position = directory;
        for (int i = 0; i < tables; i++) {
            int record = font + 12 + 16 * i;
            int offset = ttc.getInt(record + 8);
            int length = ttc.getInt(record + 12);
            out.putInt(12 + 16 * i, ttc.getInt(record));          // tag
            out.putInt(12 + 16 * i + 4, ttc.getInt(record + 4));  // checksum of the unchanged data
            out.putInt(12 + 16 * i + 8, position);
            out.putInt(12 + 16 * i + 12, length);
            out.put(position, collection, offset, length);
            position += align(length);
        }
        return out.array();
    }

    private static int align(int length) {
        return (length + 3) & ~3;
    }
}
