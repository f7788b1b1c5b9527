package com.contactsynchub.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.contactsynchub.contract.RecordType;

/** Reading CSV and JSON Lines exports row by row, without Spring or Camel. */
class ImportRowsTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void readsCommaSeparatedWithoutBom() throws IOException {
        List<SourceRow> rows = read("No.,Name,Phone No.\nC1,Fabrikam,+1 555\nC2,Contoso,\n");
        assertThat(rows).hasSize(2);
        MappedRow first = ((SourceRow.Csv) rows.get(0)).row();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.recordNo()).isEqualTo("C1");
        assertThat(first.fields().get("name").asText()).isEqualTo("Fabrikam");
        assertThat(first.fields().get("phoneNo").asText()).isEqualTo("+1 555");
        assertThat(((SourceRow.Csv) rows.get(1)).row().line()).isEqualTo(3);
    }

    @Test
    void readsSemicolonSeparatedWithBomAndCrLf() throws IOException {
        byte[] text = "No.;Name;City\r\nC1;Fabrikam, Inc.;Atlanta\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(text, 0, withBom, BOM.length, text.length);
        List<SourceRow> rows = read(withBom, FileFormat.CSV);
        MappedRow row = ((SourceRow.Csv) rows.get(0)).row();
        assertThat(row.recordNo()).isEqualTo("C1"); // the BOM is not part of the first header "No."
        assertThat(row.fields().get("name").asText()).isEqualTo("Fabrikam, Inc.");
        assertThat(row.fields().get("city").asText()).isEqualTo("Atlanta");
    }

    @Test
    void quotedLineBreaksKeepTheLineNumbersOfTheRowsAfterThem() throws IOException {
        List<SourceRow> rows = read("No.,Name,Address\nC1,\"Fabrikam\",\"1 Main St\nBuilding 2\"\nC2,\"Say \"\"hi\"\"\",x\n\nC3,Last,y");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 4L, 5L, 6L);
        // as a spreadsheet shows them: the line break inside row 2 moves the file lines, not the rows
        assertThat(rows).extracting(SourceRow::sheetRow).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rows).extracting(r -> r.position().label()).containsExactly("row 2", "row 3 (file line 4)",
                "row 4 (file line 5)", "row 5 (file line 6)");
        MappedRow first = ((SourceRow.Csv) rows.get(0)).row();
        assertThat(first.fields().get("address").asText()).isEqualTo("1 Main St Building 2");
        assertThat(first.notes()).containsExactly("'Address' (address): line break replaced by a space");
        assertThat(((SourceRow.Csv) rows.get(1)).row().fields().get("name").asText()).isEqualTo("Say \"hi\"");
        assertThat(rows.get(2)).isInstanceOf(SourceRow.Blank.class);
        assertThat(((SourceRow.Csv) rows.get(3)).row().recordNo()).isEqualTo("C3");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsMalformedAndTheNextRowsAreRead() throws IOException {
        List<SourceRow> rows = read("No.,Name\nC1,A,extra\nC2,B\n");
        assertThat(((SourceRow.Csv) rows.get(0)).row().problems())
                .containsExactly("malformed row: 3 value(s), the header has 2 column(s)");
        assertThat(((SourceRow.Csv) rows.get(1)).row().valid()).isTrue();
    }

    @Test
    void brokenQuotingMakesTheFileUnreadable() {
        assertThatThrownBy(() -> read("No.,Name\nC1,\"unterminated\nC2,B\n"))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("CSV quoting is broken");
    }

    @Test
    void binaryAndEmptyFilesAreUnreadable() {
        assertThatThrownBy(() -> read(new byte[] {'P', 'K', 3, 4, 0, 0, (byte) 0xFF, (byte) 0xC3, '\n'}, FileFormat.CSV))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> read("No.,Name\nC1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), FileFormat.CSV))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("the file is not UTF-8 text");
        assertThatThrownBy(() -> read("")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("the file is empty: it has no header row");
        assertThatThrownBy(() -> read(BOM, FileFormat.CSV)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("the file is empty: it has no header row");
        assertThatThrownBy(() -> read("Balance,Credit Limit\n1,2\n")).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("none of the columns is known ('Balance', 'Credit Limit')");
    }

    @Test
    void readsJsonLinesOneEventPerLine() throws IOException {
        List<SourceRow> rows = read("{\"a\":1}\n\n{\"b\":2}".getBytes(StandardCharsets.UTF_8), FileFormat.JSON_LINES);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(new SourceRow.JsonLine(1, "{\"a\":1}"));
        assertThat(rows.get(1)).isEqualTo(new SourceRow.Blank(2));
        assertThat(rows.get(2)).isEqualTo(new SourceRow.JsonLine(3, "{\"b\":2}"));
    }

    @Test
    void readsUtf16WithBom() throws IOException {
        byte[] text = "\uFEFFNo.\tName\nC1\tF\u00fcrth\n".getBytes(StandardCharsets.UTF_16LE);
        List<SourceRow> rows = read(text, FileFormat.CSV);
        assertThat(((SourceRow.Csv) rows.get(0)).row().fields().get("name").asText()).isEqualTo("F\u00fcrth");
    }

    private static List<SourceRow> read(String csv) throws IOException {
        return read(csv.getBytes(StandardCharsets.UTF_8), FileFormat.CSV);
    }

    private static List<SourceRow> read(byte[] bytes, FileFormat format) throws IOException {
        try (ImportRows rows = ImportRows.open(new ByteArrayInputStream(bytes), format, RecordType.CUSTOMER)) {
            return ImportRows.readAll(rows);
        }
    }
}
