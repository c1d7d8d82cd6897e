package org.duban.query.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.api.error.InvalidInput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a table of typed columns as an .xlsx workbook or a CSV file, row by row, for the exports
 * (台账, rankings). Cells keep their types in the workbook: dates and date-times are real Excel
 * dates, numbers and percentages numbers, booleans 是/否. The CSV is UTF-8 with a BOM (so that
 * Excel reads the Chinese as UTF-8) and RFC 4180 quoting. In both, a text cell that a spreadsheet
 * would take for a formula (starting with = + - @, tab or CR) gets a leading apostrophe: an
 * exported complaint title must never run as a formula on the reader's machine.
 *
 * <p>Memory stays bounded whatever the row count: the workbook is a streaming SXSSF workbook
 * keeping {@value #ROWS_IN_MEMORY} rows in memory (the rest goes to a compressed temporary file),
 * and the CSV goes straight to the output.
 *
 * @param <R> the row type
 */
public final class TableExport<R> {
    static final int ROWS_IN_MEMORY = 200;
    /** Excel's limit for one cell's text. */
    static final int MAX_CELL_TEXT = 32_767;
    private static final DateTimeFormatter CSV_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The two formats, as named by the {@code format} request parameter. */
    public enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        CSV("csv", "text/csv; charset=UTF-8");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }

        /** The format a request names (case-insensitive); anything else is a 400 on {@code field}. */
        public static Format parse(String field, String value) {
            if (value != null) {
                for (Format f : values()) if (f.extension.equalsIgnoreCase(value.strip())) return f;
            }
            throw new InvalidInput(field, "must be xlsx or csv.");
        }
    }

    /** How a column's values are written. */
    public enum Type {
        /** Any value, written as its string; formula-like text is neutralised. */
        TEXT(16),
        /** A {@link LocalDate}: an Excel date (yyyy-mm-dd); ISO date in CSV. */
        DATE(12),
        /** An {@link Instant}: an Excel date-time in the export's zone; "yyyy-MM-dd HH:mm:ss" in that zone in CSV. */
        DATETIME(20),
        /** A {@link Number}, as is. */
        NUMBER(10),
        /** A {@link Number} as a ratio (0.853): formatted 85.3% in the workbook, "85.3%" in CSV. */
        PERCENT(10),
        /** A {@link Boolean}: 是 or 否. */
        BOOLEAN(8);

        private final int defaultWidth;

        Type(int defaultWidth) {
            this.defaultWidth = defaultWidth;
        }
    }

    /** One column: its (Chinese) header, type, width in characters, and how to get its value from a row (null: blank). */
    public record Column<R>(String header, Type type, int width, Function<? super R, ?> value) {
        public Column {
            Objects.requireNonNull(header);
            Objects.requireNonNull(type);
            Objects.requireNonNull(value);
        }

        public Column(String header, Type type, Function<? super R, ?> value) {
            this(header, type, Math.max(type.defaultWidth, 2 * header.length() + 2), value);
        }
    }

    /** What produces the rows: hands each to the sink as it is read (e.g. from a database cursor). */
    @FunctionalInterface
    public interface Rows<R> {
        void forEach(Consumer<? super R> sink);
    }

    private final String sheetName;
    private final List<Column<R>> columns;
    private final ZoneId zone;

    /**
     * @param sheetName the worksheet's name in the workbook
     * @param zone      the zone date-time columns are shown in (the injected Clock's)
     */
    public TableExport(String sheetName, List<Column<R>> columns, ZoneId zone) {
        if (columns.isEmpty()) throw new IllegalArgumentException("a table needs columns");
        this.sheetName = sheetName;
        this.columns = List.copyOf(columns);
        this.zone = zone;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    /** Writes the header and every row to {@code out} in {@code format}; {@code out} is flushed, not closed. */
    public void write(Format format, Rows<R> rows, OutputStream out) throws IOException {
        try {
            switch (format) {
                case XLSX -> writeXlsx(rows, out);
                case CSV -> writeCsv(rows, out);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    // ---- xlsx ------------------------------------------------------------------------------

    private void writeXlsx(Rows<R> rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle[] styles = styles(workbook);
            Row header = sheet.createRow(0);
            CellStyle headerStyle = headerStyle(workbook);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            rows.forEach(r -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < columns.size(); i++) xlsxCell(row, i, columns.get(i), r, styles);
            });
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
            workbook.dispose(); // the temporary files
        }
    }

    private CellStyle[] styles(SXSSFWorkbook workbook) {
        CellStyle[] styles = new CellStyle[Type.values().length];
        var formats = workbook.getCreationHelper().createDataFormat();
        styles[Type.DATE.ordinal()] = styleWithFormat(workbook, formats.getFormat("yyyy-mm-dd"));
        styles[Type.DATETIME.ordinal()] = styleWithFormat(workbook, formats.getFormat("yyyy-mm-dd hh:mm:ss"));
        styles[Type.PERCENT.ordinal()] = styleWithFormat(workbook, formats.getFormat("0.0%"));
        return styles;
    }

    private static CellStyle styleWithFormat(SXSSFWorkbook workbook, short format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(format);
        return style;
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        return style;
    }

    private void xlsxCell(Row row, int index, Column<R> column, R r, CellStyle[] styles) {
        Object value = column.value().apply(r);
        if (value == null) return; // a blank cell
        Cell cell = row.createCell(index);
        CellStyle style = styles[column.type().ordinal()];
        if (style != null) cell.setCellStyle(style);
        switch (column.type()) {
            case TEXT -> cell.setCellValue(text(value));
            case DATE -> cell.setCellValue((LocalDate) value);
            case DATETIME -> cell.setCellValue(LocalDateTime.ofInstant((Instant) value, zone));
            case NUMBER, PERCENT -> cell.setCellValue(((Number) value).doubleValue());
            case BOOLEAN -> cell.setCellValue(yesNo((Boolean) value));
        }
    }

    // ---- csv -------------------------------------------------------------------------------

    private void writeCsv(Rows<R> rows, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF'); // the BOM: Excel reads the file as UTF-8 only with it
        String[] fields = new String[columns.size()];
        for (int i = 0; i < fields.length; i++) fields[i] = neutralise(columns.get(i).header());
        csvRecord(w, fields);
        rows.forEach(r -> {
            for (int i = 0; i < fields.length; i++) fields[i] = csvField(columns.get(i), r);
            try {
                csvRecord(w, fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
    }

    private String csvField(Column<R> column, R r) {
        Object value = column.value().apply(r);
        if (value == null) return "";
        return switch (column.type()) {
            case TEXT -> text(value);
            case DATE -> ((LocalDate) value).toString();
            case DATETIME -> CSV_DATETIME.format(LocalDateTime.ofInstant((Instant) value, zone));
            case NUMBER -> number((Number) value);
            case PERCENT -> percent((Number) value);
            case BOOLEAN -> yesNo((Boolean) value);
        };
    }

    /** One RFC 4180 record: fields with a comma, quote or line break are quoted, quotes doubled; CRLF ends it. */
    static void csvRecord(Writer w, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) w.write(',');
            String f = fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"');
                w.write(f.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(f);
            }
        }
        w.write("\r\n");
    }

    // ---- values ----------------------------------------------------------------------------

    private static String text(Object value) {
        String s = neutralise(value.toString());
        return s.length() > MAX_CELL_TEXT ? s.substring(0, MAX_CELL_TEXT) : s;
    }

    /**
     * Text a spreadsheet would read as a formula (OWASP "CSV injection": = + - @, and tab and CR,
     * which some spreadsheets strip before looking) gets a leading apostrophe, so it stays text.
     */
    static String neutralise(String s) {
        if (s.isEmpty()) return s;
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + s : s;
    }

    private static String yesNo(Boolean b) {
        return b ? "是" : "否";
    }

    /** Plain digits, never an exponent (1.0E-4 would not read back as a number everywhere). */
    static String number(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) return n.toString();
        if (n instanceof BigDecimal d) return d.toPlainString();
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) return "";
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A ratio as a percentage with at most two decimals, which spreadsheets read back as the ratio. */
    static String percent(Number ratio) {
        double d = ratio.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) return "";
        return BigDecimal.valueOf(d).movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
