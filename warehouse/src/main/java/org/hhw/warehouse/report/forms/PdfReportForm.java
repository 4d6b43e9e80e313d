package org.hhw.warehouse.report.forms;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.hhw.warehouse.report.MonthlyReport;
import org.hhw.warehouse.report.ReportForm;

/**
 * The report as a PDF: {@link ReportHtml}'s document laid out on A4 by openhtmltopdf, its charts drawn
 * by Batik, in a CJK TrueType font embedded as a subset (so the file reads the same on any machine).
 * openhtmltopdf takes TrueType only, a TrueType collection (.ttc) too; the OpenType CJK fonts (Noto
 * CJK .otf) it cannot.
 */
public final class PdfReportForm implements ReportForm {

    /** The setting naming the font file; empty means the first of {@link #DEBIAN_FONTS} present. */
    public static final String FONT_SETTING = "hhw.report-font";

    /** Where Debian's packages put a TrueType CJK font, in the order tried, with the package to install. */
    static final List<Path> DEBIAN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), // fonts-wqy-microhei
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), // fonts-wqy-zenhei
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")); // fonts-droid-fallback

    static {
        // openhtmltopdf notes each stylesheet parsed and font loaded at INFO on its own console handler,
        // a dozen lines per report past the service's log settings; its warnings (a glyph missing) stay.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private final Path font;

    /**
     * The font's face, parsed once for the files written while it is held. Parsing the CJK font took about a
     * quarter of a file's time (WenQuanYi's cmap, glyph locations and names) and ~20 MB of heap per file being
     * written; fontbox 3 reads a parsed font's tables under the font's own locks, as PDFBox's own font cache shares
     * them, so the files written at once share one. Softly held: kept while reports are being written, given back
     * when the heap runs short in the month between them.
     */
    private SoftReference<TrueTypeFont> face = new SoftReference<>(null);

    private final Object parsing = new Object();

    public PdfReportForm(Path font) {
        if (!Files.isReadable(font)) {
            throw new IllegalArgumentException(
                    FONT_SETTING + " names " + font + ", which is not a readable font file (报表字体文件不存在或不可读)");
        }
        this.font = font;
    }

    /**
     * The form in the font the setting names, or with none set, the first font of {@link #DEBIAN_FONTS}
     * on this machine; a clear error saying what to set or install when there is none.
     */
    public static PdfReportForm withFont(String setting) {
        if (setting != null && !setting.isBlank()) {
            return new PdfReportForm(Path.of(setting.strip()));
        }
        return new PdfReportForm(DEBIAN_FONTS.stream()
                .filter(Files::isReadable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no CJK TrueType font for the report's PDF: install"
                        + " the Debian package fonts-wqy-microhei, or set " + FONT_SETTING
                        + " to a .ttf or .ttc file (找不到生成PDF报表所需的中文字体：请安装 fonts-wqy-microhei，"
                        + "或设置 " + FONT_SETTING + ")")));
    }

    private boolean isCollection() {
        return font.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
    }

    /** The parsed face, parsed now unless it still is. */
    private TrueTypeFont face() throws IOException {
        synchronized (parsing) {
            TrueTypeFont parsed = face.get();
            if (parsed == null) {
                // Either reads the whole file into memory and closes it; a collection's faces then read from the
                // collection's copy, so it is left open, for the collector to take with its face.
                parsed = isCollection()
                        ? firstFont(new TrueTypeCollection(font.toFile()))
                        : new TTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()));
                face = new SoftReference<>(parsed);
            }
            return parsed;
        }
    }

    /**
     * A collection's first font, its regular face (WenQuanYi's second is its monospaced one): one face
     * for the whole report, where registering them all under one family would mix them glyph by glyph.
     */
    private TrueTypeFont firstFont(TrueTypeCollection collection) throws IOException {
        List<TrueTypeFont> fonts = new ArrayList<>();
        collection.processAllFonts(fonts::add);
        if (fonts.isEmpty()) {
            throw new IOException(font + " holds no font (" + FONT_SETTING + ")");
        }
        return fonts.get(0);
    }

    public Path font() {
        return font;
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void write(MonthlyReport report, Path file) throws IOException {
        BatikSVGDrawer charts = new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE);
        // Held for as long as this file is being written.
        TrueTypeFont face = face();
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    // No base URI: the document names no file or address, and nothing is fetched.
                    .withHtmlContent(ReportHtml.document(report), null)
                    .useSVGDrawer(charts)
                    .toStream(out);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                PDFont embedded = PDType0Font.load(renderer.getPdfDocument(), face, true);
                renderer.getFontResolver()
                        .addFont(new PDFontSupplier(embedded), ReportHtml.PDF_FONT, 400, IdentValue.NORMAL, true);
                // Batik's font resolver exists once the renderer has read the document's font rules.
                try {
                    charts.addFontFile(font.toFile(), ReportHtml.PDF_FONT, 400, FontStyle.NORMAL);
                } catch (FontFormatException e) {
                    throw new IOException(font + " is not a TrueType font (" + FONT_SETTING + ")", e);
                }
                renderer.layout();
                renderer.createPDF();
            }
        }
    }
}
