package org.duban.query.export;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The HTTP side of an export: content type, and a download name such as 台账-2026-11-23.xlsx. */
public final class ExportResponses {

    private ExportResponses() {
    }

    /**
     * An attachment named {@code name-date.ext}: the Chinese name in {@code filename*} (RFC 5987,
     * UTF-8), and {@code asciiName-date.ext} in {@code filename} for clients that know no better.
     */
    public static ResponseEntity<StreamingResponseBody> attachment(TableExport.Format format, String name, String asciiName,
                                                                   LocalDate date, StreamingResponseBody body) {
        String suffix = "-" + date + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(name + suffix, asciiName + suffix))
                .body(body);
    }

    static String contentDisposition(String filename, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback.replace("\\", "_").replace("\"", "_")
                + "\"; filename*=UTF-8''" + rfc5987(filename);
    }

    /** RFC 5987 value-chars: attr-chars as they are, every other UTF-8 byte percent-encoded. */
    static String rfc5987(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
