package dev.sparkcputour.support;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file the way csv.DictReader or pandas do, with the library that writes it: the
 * header names the columns, each row maps a column to its cell. A row with more or fewer cells
 * than the header fails.
 */
public final class Csv {

    /** The header's column names in order, and the rows. */
    public record Table(List<String> header, List<Map<String, String>> rows) {
    }

    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {
    }

    public static Table read(String text) throws IOException {
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .readValues(text)) {
            List<Map<String, String>> all = rows.readAll();
            List<String> header = ((CsvSchema) rows.getParserSchema()).getColumnNames();
            return new Table(header, all);
        }
    }
}
