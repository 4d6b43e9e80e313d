package org.hhw.warehouse.receipt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes "&lt;原文件名&gt;.说明.txt" for a file that could not be used at all (encrypted, corrupt,
 * required columns missing, …): which file, when, what is wrong, what to do, and that none of
 * its rows was loaded.
 *
 * <p>UTF-8 with a byte order mark and Windows line ends: county machines open it with Notepad,
 * and older Notepad shows LF-only text on one line and may guess the wrong encoding without the
 * mark.
 */
public final class RejectionNote {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private RejectionNote() {}

    /**
     * @param problemCode   a stable code such as {@code UnusableFileException.Code} names
     * @param explanationZh Chinese, for the clerk: what is wrong with the file and how to fix it
     */
    public static void write(
            Path target,
            String fileName,
            String sourceLabel,
            String problemCode,
            String explanationZh,
            LocalDateTime at)
            throws IOException {
        String text = String.join("\r\n", lines(fileName, sourceLabel, problemCode, explanationZh, at)) + "\r\n";
        AtomicFiles.write(target, out -> {
            out.write(UTF8_BOM);
            out.write(text.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static List<String> lines(
            String fileName, String sourceLabel, String problemCode, String explanationZh, LocalDateTime at) {
        return List.of(
                "文件未能使用的说明",
                "",
                "文件名：" + fileName,
                "文件类别：" + sourceLabel,
                "处理时间：" + ClerkTime.format(at),
                "问题代码：" + problemCode,
                "问题说明：" + explanationZh,
                "",
                "处理结果：这个文件的数据一行也没有入库。",
                "请您：按上面的问题说明处理好原文件，再重新报送。如有疑问，请联系县扶贫办数据管理人员，并告知问题代码。");
    }
}
