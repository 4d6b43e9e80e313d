package org.hhw.sources.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The encoding of a text file: UTF-8 when a byte order mark says so; without one, whichever of
 * UTF-8 and GB18030 (which includes GBK, the default of Chinese Excel and WPS) the whole file
 * decodes in. Nothing is ever decoded into replacement characters: a name with a "?" in it would
 * be loaded as a different person. UTF-16 is told apart first ({@link #isUtf16}), to be refused
 * with its own advice rather than read as a table of one column or as binary.
 */
record TextEncoding(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final int CHUNK = 64 * 1024;

    CharsetDecoder strictDecoder() {
        return strictDecoder(charset);
    }

    static TextEncoding detect(Path file, byte[] head) throws IOException {
        TextEncoding byBom = fromByteOrderMark(head);
        if (byBom != null) {
            Failure failure = firstFailure(file, byBom);
            if (failure != null) {
                throw Rejections.unknownEncoding(failure.byteOffset(), failure.line());
            }
            return byBom;
        }
        TextEncoding utf8 = new TextEncoding(StandardCharsets.UTF_8, 0);
        Failure utf8Failure = firstFailure(file, utf8);
        if (utf8Failure == null) {
            return utf8;
        }
        TextEncoding gb18030 = new TextEncoding(GB18030, 0);
        Failure gbFailure = firstFailure(file, gb18030);
        if (gbFailure == null) {
            return gb18030;
        }
        // The encoding that decoded further is most likely the intended one, and where it
        // stopped is most likely the damaged spot the clerk should look at.
        Failure later = utf8Failure.byteOffset() >= gbFailure.byteOffset() ? utf8Failure : gbFailure;
        throw Rejections.unknownEncoding(later.byteOffset(), later.line());
    }

    /** UTF-8 when a UTF-8 byte order mark says so, else null. */
    static TextEncoding fromByteOrderMark(byte[] head) {
        return startsWith(head, 0xEF, 0xBB, 0xBF) ? new TextEncoding(StandardCharsets.UTF_8, 3) : null;
    }

    /**
     * Whether the text is UTF-16 (Excel's "Unicode text", and some systems' exports): by its byte
     * order mark, or without one by its NUL bytes. Every ASCII character (digits, commas, line
     * breaks: much of any table) has a NUL as its high byte, on the same side of each pair; a few
     * Chinese characters have one on the other side (一 is U+4E00). Then the bytes must decode as
     * UTF-16 into text without control characters, which a binary file's do not.
     */
    static boolean isUtf16(byte[] head) {
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return true;
        }
        int[] nuls = new int[2];
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                nuls[i & 1]++;
            }
        }
        boolean bigEndian = nuls[0] > nuls[1];
        int highBytes = nuls[bigEndian ? 0 : 1];
        int lowBytes = nuls[bigEndian ? 1 : 0];
        return highBytes * 8 >= head.length / 2
                && lowBytes * 8 < highBytes
                && decodesToText(head, bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    }

    /** Whether the bytes decode into text without control characters; a character cut off at the end is fine. */
    private static boolean decodesToText(byte[] bytes, Charset charset) {
        CharBuffer text = CharBuffer.allocate(bytes.length);
        if (strictDecoder(charset).decode(ByteBuffer.wrap(bytes), text, false).isError()) {
            return false;
        }
        text.flip();
        while (text.hasRemaining()) {
            char c = text.get();
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Where the file stops decoding in the given encoding, or null if it decodes to its end. */
    private static Failure firstFailure(Path file, TextEncoding encoding) throws IOException {
        CharsetDecoder decoder = strictDecoder(encoding.charset());
        ByteBuffer in = ByteBuffer.allocate(CHUNK);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        long offset = encoding.bomLength();
        long line = 1;
        try (FileChannel channel = FileChannel.open(file)) {
            channel.position(offset);
            boolean endOfInput = false;
            while (true) {
                endOfInput |= channel.read(in) < 0;
                in.flip();
                CoderResult result = decoder.decode(in, out, endOfInput);
                offset += in.position();
                line += newlines(out);
                if (result.isError()) {
                    return new Failure(offset, line);
                }
                in.compact();
                if (endOfInput && result.isUnderflow()) {
                    return null;
                }
            }
        }
    }

    private static int newlines(CharBuffer out) {
        out.flip();
        int count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }

    private record Failure(long byteOffset, long line) {}
}
