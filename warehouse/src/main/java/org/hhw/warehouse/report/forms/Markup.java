package org.hhw.warehouse.report.forms;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * Writes XHTML (and the SVG inside it) with every piece of text escaped, so that whatever a clerk
 * typed into a file reaches a page as text: never as markup, never as a broken document.
 */
final class Markup {

    /** Tags after whose end a line break keeps the source readable and adds no space a reader sees. */
    private static final Set<String> LINE_ENDS = Set.of(
            "html", "head", "title", "style", "body", "h1", "h2", "h3", "p", "div", "table", "thead", "tbody", "tr",
            "ul", "li", "svg", "text");

    private final StringBuilder out = new StringBuilder(16_384);

    /**
     * Opens a page: XHTML that openhtmltopdf parses as XML and a browser reads as HTML5 (the doctype
     * keeps it in standards mode), UTF-8, in Chinese.
     */
    static Markup page(String title, String css) {
        Markup page = new Markup();
        page.out.append("<!DOCTYPE html>\n");
        page.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "zh-CN", "xml:lang", "zh-CN");
        page.open("head");
        page.empty("meta", "charset", "UTF-8");
        page.element("title", title);
        page.style(css);
        page.close("head");
        page.open("body");
        return page;
    }

    /**
     * A style sheet, written as it is: a browser reads {@code <style>} as raw text, where an entity
     * would stay an entity and spoil the rule holding it. Our own CSS, so it never needs one.
     */
    private void style(String css) {
        if (css.contains("<") || css.contains("&")) {
            throw new IllegalArgumentException("a style sheet holds no markup: " + css);
        }
        open("style");
        out.append(css);
        close("style");
    }

    /** Closes what {@link #page} opened and returns the document. */
    String endPage() {
        close("body");
        close("html");
        out.append('\n');
        return out.toString();
    }

    /** An opening tag; {@code attributes} are name, value pairs. */
    Markup open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Markup close(String tag) {
        out.append("</").append(tag).append('>');
        if (LINE_ENDS.contains(tag)) {
            out.append('\n');
        }
        return this;
    }

    Markup empty(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    Markup element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Markup text(String text) {
        out.append(escape(text));
        return this;
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(escape(attributes[i + 1]))
                    .append('"');
        }
    }

    /**
     * Text as XML character data: the five markup characters as entities, and the control characters
     * XML 1.0 cannot hold at all (a stray one in a cell would otherwise break the whole document) as
     * U+FFFD.
     */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default ->
                    s.append(
                            c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                                    ? '\uFFFD'
                                    : c);
            }
        }
        return s.toString();
    }

    /** A file name as a relative link: UTF-8, percent-encoded, a space as %20 (not a form's +). */
    static String href(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Writes a page whole or not at all: a reader never opens half a page being rewritten. */
    static Path write(Path file, String page) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(partial, page, StandardCharsets.UTF_8);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
