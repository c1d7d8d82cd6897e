package org.duban.query.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.api.error.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.query.export.TableExport.Type.BOOLEAN;
import static org.duban.query.export.TableExport.Type.DATE;
import static org.duban.query.export.TableExport.Type.DATETIME;
import static org.duban.query.export.TableExport.Type.NUMBER;
import static org.duban.query.export.TableExport.Type.PERCENT;
import static org.duban.query.export.TableExport.Type.TEXT;

/** Every column type in both formats, blanks, formula neutralising and the download name, without a server. */
class TableExportTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    record Line(String name, LocalDate day, Instant at, Double score, Double rate, Boolean flagged) {
    }

    private static final TableExport<Line> TABLE = new TableExport<>("排名", List.of(
            new TableExport.Column<>("部门", TEXT, Line::name),
            new TableExport.Column<>("日期", DATE, Line::day),
            new TableExport.Column<>("时间", DATETIME, Line::at),
            new TableExport.Column<>("得分", NUMBER, Line::score),
            new TableExport.Column<>("满意率", PERCENT, Line::rate),
            new TableExport.Column<>("末位", BOOLEAN, Line::flagged)), SHANGHAI);

    private static final List<Line> LINES = List.of(
            new Line("药学部", LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T01:30:00Z"), 0.0001, 0.8534, true),
            new Line("-1+1", null, null, null, null, null),
            new Line("@SUM(A1)", LocalDate.of(2026, 1, 1), Instant.parse("2025-12-31T16:00:00Z"), 92.5, 1.0, false));

    @Test
    void the_workbook_keeps_every_type() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(write(TableExport.Format.XLSX)))) {
            var sheet = workbook.getSheet("排名");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("药学部");
            assertDate(first.getCell(1), LocalDateTime.of(2026, 11, 23, 0, 0));
            assertDate(first.getCell(2), LocalDateTime.of(2026, 11, 23, 9, 30)); // 01:30Z in Shanghai
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(0.0001);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(0.8534);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("是");

            Row blanks = sheet.getRow(2);
            assertThat(blanks.getCell(0).getStringCellValue()).isEqualTo("'-1+1");
            for (int i = 1; i <= 5; i++) assertThat(blanks.getCell(i)).as("column " + i).isNull();

            Row last = sheet.getRow(3);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("'@SUM(A1)");
            assertDate(last.getCell(2), LocalDateTime.of(2026, 1, 1, 0, 0));
            assertThat(last.getCell(5).getStringCellValue()).isEqualTo("否");
        }
    }

    @Test
    void the_csv_writes_plain_numbers_percentages_and_local_times() throws IOException {
        String csv = new String(write(TableExport.Format.CSV), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF部门,日期,时间,得分,满意率,末位\r\n"
                + "药学部,2026-11-23,2026-11-23 09:30:00,0.0001,85.34%,是\r\n"
                + "'-1+1,,,,,\r\n"
                + "'@SUM(A1),2026-01-01,2026-01-01 00:00:00,92.5,100%,否\r\n");
    }

    @Test
    void formula_like_text_gets_an_apostrophe_and_nothing_else_does() {
        assertThat(TableExport.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(TableExport.neutralise("+86 138")).isEqualTo("'+86 138");
        assertThat(TableExport.neutralise("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(TableExport.neutralise("标题 = 1")).isEqualTo("标题 = 1");
        assertThat(TableExport.neutralise("")).isEmpty();
    }

    @Test
    void formats_are_named_case_insensitively_and_anything_else_is_refused() {
        assertThat(TableExport.Format.parse("format", "XLSX")).isEqualTo(TableExport.Format.XLSX);
        assertThat(TableExport.Format.parse("format", "csv")).isEqualTo(TableExport.Format.CSV);
        assertThatThrownBy(() -> TableExport.Format.parse("format", "pdf"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("format"));
        assertThatThrownBy(() -> TableExport.Format.parse("format", null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void the_download_name_is_percent_encoded_utf8_with_an_ascii_fallback() {
        assertThat(ExportResponses.contentDisposition("台账-2026-11-23.xlsx", "ledger-2026-11-23.xlsx"))
                .isEqualTo("attachment; filename=\"ledger-2026-11-23.xlsx\"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6-2026-11-23.xlsx");
        assertThat(ExportResponses.rfc5987("a b\"c")).isEqualTo("a%20b%22c");
    }

    private static byte[] write(TableExport.Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TABLE.write(format, sink -> LINES.forEach(sink), out);
        return out.toByteArray();
    }

    private static void assertDate(Cell cell, LocalDateTime expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        assertThat(cell.getLocalDateTimeCellValue()).isEqualTo(expected);
    }
}
