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
 * The encoding of a text file: a byte order mark decides; without one, the file must decode
 * completely as UTF-8 or else as GB18030 (which includes GBK, the default of Chinese Excel and
 * WPS). Nothing is ever decoded into replacement characters: a name with a "?" in it would be
 * loaded as a different person.
 */
record TextEncoding(Charset charset, int bomLength) {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final int CHUNK = 64 * 1024;

    boolean isUtf16() {
        return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
    }

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

    /** The encoding a byte order mark announces, or null without one. */
    static TextEncoding fromByteOrderMark(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        return null;
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

    private record Failure(long byteOffset, long line) {
    }
}
