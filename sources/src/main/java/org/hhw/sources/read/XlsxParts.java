package org.hhw.sources.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of an xlsx package that {@link SheetXml} needs besides a sheet: where each sheet's
 * part is (the workbook's relationships) and the shared strings. Small, so read with the JDK's
 * StAX parser, document type declarations refused; {@link XlsxPackageCheck} has inflated them once
 * already, counting, so what they inflate to here is known to be within the limits.
 */
final class XlsxParts {

    private static final String RELATIONSHIPS = "xl/_rels/workbook.xml.rels";

    /** The entry names of the workbook's parts by relationship id, and the shared strings' entry name (or null). */
    record Relationships(Map<String, String> partsById, String sharedStrings) {}

    private XlsxParts() {}

    /** A parser per part: a factory is not promised to be safe for files read on several threads at once. */
    private static XMLStreamReader parser(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(in);
    }

    static Relationships relationships(ZipFile zip) throws IOException {
        Map<String, String> parts = new HashMap<>();
        String sharedStrings = null;
        ZipEntry entry = zip.getEntry(RELATIONSHIPS);
        if (entry == null) {
            throw new IOException("the workbook has no " + RELATIONSHIPS);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = parser(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("Relationship")) {
                    String id = xml.getAttributeValue(null, "Id");
                    String target = xml.getAttributeValue(null, "Target");
                    String type = xml.getAttributeValue(null, "Type");
                    if (id == null || target == null || "External".equals(xml.getAttributeValue(null, "TargetMode"))) {
                        continue;
                    }
                    String name = entryName(target);
                    parts.put(id, name);
                    if (type != null && type.endsWith("/sharedStrings")) {
                        sharedStrings = name;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("malformed " + RELATIONSHIPS, e);
        }
        return new Relationships(parts, sharedStrings);
    }

    /** The zip entry a relationship's target names: relative to the workbook's folder, or absolute. */
    static String entryName(String target) {
        String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /**
     * The shared strings in order: each item's text runs joined, phonetic guides ({@code rPh}) left
     * out, as Excel shows the cell.
     */
    static List<String> sharedStrings(ZipFile zip, String entryName) throws IOException {
        List<String> strings = new ArrayList<>();
        ZipEntry entry = entryName == null ? null : zip.getEntry(entryName);
        if (entry == null) {
            return strings;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = parser(in);
            StringBuilder item = null;
            int phonetic = 0;
            boolean inText = false;
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        switch (xml.getLocalName()) {
                            case "si" -> item = new StringBuilder();
                            case "rPh" -> phonetic++;
                            case "t" -> inText = phonetic == 0 && item != null;
                            default -> {}
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        switch (xml.getLocalName()) {
                            case "si" -> {
                                if (item != null) {
                                    strings.add(item.toString());
                                }
                                item = null;
                            }
                            case "rPh" -> phonetic--;
                            case "t" -> inText = false;
                            default -> {}
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (inText) {
                            item.append(xml.getText());
                        }
                    }
                    default -> {}
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("malformed shared strings", e);
        }
        return strings;
    }
}
