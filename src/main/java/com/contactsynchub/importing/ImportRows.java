package com.contactsynchub.importing;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.RecordType;

/**
 * Streams the rows of one export, one at a time, so memory does not grow with the file. CSV: the separator is
 * read from the header line, the header is matched by {@link HeaderMatcher}, RFC 4180 quoting (with line breaks
 * inside quoted values) by commons-csv. JSON Lines: one event per line.
 * Problems with the file as a whole throw {@link UnreadableFileException}.
 */
public final class ImportRows implements Iterator<SourceRow>, Closeable {

    /** A header line longer than this is not a header (e.g. a binary file without line breaks). */
    private static final int MAX_HEADER_CHARS = 64 * 1024;

    private final Reader reader;
    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final RowMapper mapper;
    private final ColumnMapping mapping;
    private final char separator;
    private long nextLine;
    private SourceRow next;

    private ImportRows(Reader reader, CSVParser csv, ColumnMapping mapping, char separator, EmptyCells emptyCells) {
        this.reader = reader;
        this.csv = csv;
        this.records = csv == null ? null : csv.iterator();
        this.mapping = mapping;
        this.mapper = mapping == null ? null : new RowMapper(mapping, emptyCells);
        this.separator = separator;
        this.nextLine = csv == null ? 1 : 2;
    }

    /** Opens the rows, empty cells clearing their fields; reads the header of a CSV file. */
    public static ImportRows open(InputStream in, FileFormat format, RecordType recordType) throws IOException {
        return open(in, format, recordType, EmptyCells.CLEAR);
    }

    /** Opens the rows; reads the header of a CSV file (the stream is closed with this object). */
    public static ImportRows open(InputStream in, FileFormat format, RecordType recordType, EmptyCells emptyCells)
            throws IOException {
        BufferedReader reader = new BufferedReader(ImportText.open(in), 65536);
        try {
            if (format == FileFormat.JSON_LINES) {
                ImportRows rows = new ImportRows(reader, null, null, ',', emptyCells);
                if (!rows.hasNext()) {
                    throw new UnreadableFileException("the file is empty: it has no lines");
                }
                return rows;
            }
            reader.mark(MAX_HEADER_CHARS + 2);
            String headerLine = boundedLine(reader);
            if (headerLine == null || headerLine.isBlank()) {
                throw new UnreadableFileException(headerLine == null ? "the file is empty: it has no header row"
                        : "the first line is empty: the file needs a header row naming its columns "
                                + "(e.g. No.,Name,Phone No.)");
            }
            reader.reset();
            char separator = SeparatorDetector.detect(headerLine);
            CSVFormat format1 = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                    .setTrailingDelimiter(false).get();
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format1).get();
            Iterator<CSVRecord> it = parser.iterator();
            CSVRecord header = readCsv(it);
            ColumnMapping mapping = HeaderMatcher.match(header.toList(), recordType);
            ImportRows rows = new ImportRows(reader, parser, mapping, separator, emptyCells);
            rows.nextLine = parser.getCurrentLineNumber() + 1;
            return rows;
        } catch (RuntimeException | IOException e) {
            reader.close();
            throw e;
        }
    }

    /** The header's meaning (CSV only; null for JSON Lines). */
    public ColumnMapping mapping() {
        return mapping;
    }

    public char separator() {
        return separator;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    private SourceRow read() {
        long line = nextLine;
        if (csv == null) {
            return readJsonLine(line);
        }
        if (!hasCsv(records)) {
            return null;
        }
        CSVRecord record = readCsv(records);
        nextLine = csv.getCurrentLineNumber() + 1;
        // the header is record 1 and a spreadsheet's row 1; an empty line is a record (and a spreadsheet row) too
        long sheetRow = record.getRecordNumber();
        List<String> values = record.toList();
        if (RowMapper.isBlank(values)) {
            return new SourceRow.Blank(line, sheetRow, true);
        }
        return new SourceRow.Csv(line, sheetRow, mapper.map(line, values));
    }

    private SourceRow readJsonLine(long line) {
        try {
            StringBuilder text = new StringBuilder();
            long length = 0;
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                length++;
                if (length <= MessageValidator.MAX_MESSAGE_CHARS) {
                    text.append((char) c);
                } else if (length == MessageValidator.MAX_MESSAGE_CHARS + 1) {
                    text.setLength(0); // stop keeping it: it can only be refused
                }
            }
            if (c == -1 && length == 0) {
                return null;
            }
            nextLine++;
            if (length > MessageValidator.MAX_MESSAGE_CHARS) {
                return new SourceRow.TooLong(line, length);
            }
            String event = text.toString().strip();
            return event.isEmpty() ? new SourceRow.Blank(line) : new SourceRow.JsonLine(line, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasCsv(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw brokenQuoting(e);
        }
    }

    private static CSVRecord readCsv(Iterator<CSVRecord> records) {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw brokenQuoting(e);
        }
    }

    private static UnreadableFileException brokenQuoting(UncheckedIOException e) {
        {
            // Broken quoting: the parser cannot find where the next row starts, so the file cannot be read on.
            return new UnreadableFileException("the CSV quoting is broken: " + e.getCause().getMessage()
                    + " (a value with a quote or line break must be enclosed in double quotes, with its quotes "
                    + "doubled)", e);
        }
    }

    private static String boundedLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (line.length() >= MAX_HEADER_CHARS) {
                throw new UnreadableFileException("the first line is longer than " + MAX_HEADER_CHARS
                        + " characters: this is not a CSV header row");
            }
            line.append((char) c);
        }
        return c == -1 && line.isEmpty() ? null : line.toString().replace("\r", "");
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        reader.close();
    }

    /** Every row read so far, for tests: reads the rest of the file into a list. */
    static List<SourceRow> readAll(ImportRows rows) {
        List<SourceRow> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        return all;
    }
}
