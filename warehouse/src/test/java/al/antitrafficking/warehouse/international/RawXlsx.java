package al.antitrafficking.warehouse.international;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The tests' own reading of an .xlsx, independent of POI and of the importer: the first sheet's XML and the shared
 * strings read straight from the zip with StAX, each row as its cells' text by column letter (a formula cell as its
 * cached value, empty when it has none).
 */
final class RawXlsx {
    private RawXlsx() {}

    static List<List<String>> rows(Path file, String sheetEntry) throws IOException, XMLStreamException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> shared = new ArrayList<>();
            var sst = zip.getEntry("xl/sharedStrings.xml");
            if (sst != null) {
                try (InputStream in = zip.getInputStream(sst)) {
                    XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
                    StringBuilder current = null;
                    while (x.hasNext()) {
                        int e = x.next();
                        if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("si")) {
                            current = new StringBuilder();
                        } else if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("t") && current != null) {
                            current.append(x.getElementText());
                        } else if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("si")) {
                            shared.add(current.toString());
                            current = null;
                        }
                    }
                }
            }
            List<List<String>> rows = new ArrayList<>();
            try (InputStream in = zip.getInputStream(zip.getEntry(sheetEntry))) {
                XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
                TreeMap<Integer, String> row = null;
                String ref = null;
                String type = null;
                while (x.hasNext()) {
                    int e = x.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        switch (x.getLocalName()) {
                            case "row" -> row = new TreeMap<>();
                            case "c" -> {
                                ref = x.getAttributeValue(null, "r");
                                type = x.getAttributeValue(null, "t");
                            }
                            case "v" -> {
                                String v = x.getElementText();
                                row.put(column(ref), "s".equals(type) ? shared.get(Integer.parseInt(v)) : v);
                            }
                            case "t" -> row.merge(column(ref), x.getElementText(), String::concat);
                            default -> { }
                        }
                    } else if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("row")) {
                        List<String> cells = new ArrayList<>();
                        int last = row.isEmpty() ? -1 : row.lastKey();
                        for (int c = 0; c <= last; c++) {
                            cells.add(row.getOrDefault(c, ""));
                        }
                        rows.add(cells);
                    }
                }
            }
            return rows;
        }
    }

    private static int column(String ref) {
        int c = 0;
        for (char ch : ref.toCharArray()) {
            if (ch >= 'A' && ch <= 'Z') {
                c = c * 26 + (ch - 'A' + 1);
            } else {
                break;
            }
        }
        return c - 1;
    }
}
