package noc.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV: a header row naming the fields, then one item a row; quotes as usual. */
final class Csv {

    private Csv() {
    }

    /** The data rows as field maps, with the line number each starts on. */
    record Row(int line, Map<String, Object> fields) {
    }

    static List<Row> parse(String csv) {
        // Spreadsheets write "CSV UTF-8" with a byte order mark first.
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                if (!(record.size() == 1 && record.get(0).isBlank())) {
                    records.add(record);
                    lines.add(recordLine);
                }
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
        List<Row> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        if (header.stream().anyMatch(String::isEmpty)) {
            rows.add(new Row(1, java.util.Map.of("", "the header row names an empty column: " + header)));
            return rows;
        }
        for (int r = 1; r < records.size(); r++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            List<String> values = records.get(r);
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), c < values.size() ? values.get(c) : null);
            }
            if (values.size() > header.size()) {
                fields.put("", "has " + values.size() + " fields, the header " + header.size());
            }
            rows.add(new Row(lines.get(r), fields));
        }
        return rows;
    }
}
