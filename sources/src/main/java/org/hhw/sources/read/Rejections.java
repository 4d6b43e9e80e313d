package org.hhw.sources.read;

import org.hhw.sources.read.UnusableFileException.Code;

/** The clerk-facing explanations of unusable files, in one place so the wording stays consistent. */
final class Rejections {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    private Rejections() {}

    static UnusableFileException corrupt(Throwable cause) {
        return new UnusableFileException(Code.CORRUPT, "文件已损坏，无法打开。请用Excel或WPS重新保存后再发送。", cause);
    }

    static UnusableFileException encrypted() {
        return new UnusableFileException(Code.ENCRYPTED, "文件设置了打开密码，无法读取。请在Excel或WPS中去掉打开密码，保存后重新发送。");
    }

    static UnusableFileException notASpreadsheet() {
        return new UnusableFileException(
                Code.NOT_A_SPREADSHEET, "文件不是Excel表格或CSV文件（可能是PDF、图片、Word文档或压缩包），无法读取。" + "请发送.xlsx、.xls或.csv格式的表格。");
    }

    static UnusableFileException webPage() {
        return new UnusableFileException(
                Code.NOT_A_SPREADSHEET, "文件其实是网页（HTML/XML）格式，只是看起来像Excel表格，无法读取。" + "请用Excel或WPS打开它，另存为.xlsx格式后再发送。");
    }

    static UnusableFileException oldExcelFormat() {
        return new UnusableFileException(
                Code.NOT_A_SPREADSHEET, "文件是Excel 95或更早的旧格式，无法读取。请用Excel或WPS打开它，另存为.xlsx格式后再发送。");
    }

    static UnusableFileException fileTooLarge(long size, long limit) {
        return new UnusableFileException(
                Code.TOO_LARGE,
                String.format("文件太大（%s，上限%s），无法读取。请把表格按乡镇或月份拆分成几个较小的文件后再发送。", bytes(size), bytes(limit)));
    }

    static UnusableFileException contentTooLarge(long limit) {
        return new UnusableFileException(
                Code.TOO_LARGE, String.format("文件解压后的内容超过上限（%s），无法读取。请把表格拆分成几个较小的文件后再发送。", bytes(limit)));
    }

    static UnusableFileException abnormalCompression() {
        return new UnusableFileException(
                Code.TOO_LARGE, "文件的压缩比例异常（解压后会变得极大，可能是损坏或被恶意构造的文件），无法读取。" + "请用Excel或WPS打开后重新保存，再发送。");
    }

    static UnusableFileException tooManyColumns(String sheet, int rowNumber, int maxColumns) {
        return new UnusableFileException(
                Code.TOO_LARGE,
                String.format(
                        "工作表“%s”第%d行在第%d列（%s列）之后还有内容，超出了%d列的上限，无法读取。" + "请删除表格右侧多余的列后再发送。",
                        sheet, rowNumber, maxColumns, columnLetters(maxColumns - 1), maxColumns));
    }

    static UnusableFileException unknownEncoding(long byteOffset, long line) {
        return new UnusableFileException(
                Code.ENCODING_UNKNOWN,
                String.format(
                        "文件的文字编码无法识别（既不是UTF-8，也不是GBK/GB18030），第%d行（文件第%d个字节处）有无法识别的字符。"
                                + "请用Excel或WPS打开文件，另存为.xlsx格式或“CSV UTF-8（逗号分隔）”格式后再发送。",
                        line, byteOffset + 1));
    }

    static UnusableFileException utf16() {
        return new UnusableFileException(
                Code.ENCODING_UNKNOWN,
                "文件的文字编码是UTF-16（Excel另存为“Unicode文本”时的编码），无法读取：只能读取UTF-8或GBK/GB18030编码的CSV文件。"
                        + "请用Excel或WPS打开文件，另存为.xlsx格式或“CSV UTF-8（逗号分隔）”格式后再发送。");
    }

    static UnusableFileException unclosedQuote(int line) {
        return new UnusableFileException(
                Code.CORRUPT,
                String.format("第%d行有一个以英文双引号开头的单元格，引号一直没有结束，后面的内容无法正确分列。" + "请用Excel或WPS打开文件检查这一行，重新保存后再发送。", line));
    }

    static UnusableFileException cellTooLong(int line, int maxChars) {
        return new UnusableFileException(
                Code.CORRUPT,
                String.format("第%d行有一个超过%d个字符的单元格，这不是正常的表格内容。" + "请用Excel或WPS打开文件检查这一行，重新保存后再发送。", line, maxChars));
    }

    private static String bytes(long count) {
        return count >= MIB ? Math.round((double) count / MIB) + "MB" : Math.round((double) count / KIB) + "KB";
    }

    /** Excel's column name of a 0-based column index: 0 = A, 26 = AA. */
    static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
