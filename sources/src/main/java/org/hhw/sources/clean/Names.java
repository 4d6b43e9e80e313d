package org.hhw.sources.clean;

/** Person names. */
public final class Names {

    private static final char MIDDLE_DOT = '·';
    /**
     * Characters typed instead of the middle dot of minority names ("阿不都·热合曼"): bullet,
     * katakana and hyphenation dots, and a full stop (a full-width one arrives here as '.').
     */
    private static final String DOT_LOOKALIKES = "•・‧∙･.";

    private Names() {}

    /**
     * Normalises a name. A name written in Chinese characters loses every space ("张　三" gives
     * "张三") and has its separator dot unified to '·'; other names (Latin letters) keep single
     * spaces. Digits are rejected.
     */
    public static Cleaned<String> cleanPersonName(String raw) {
        String name = Text.normalize(raw);
        if (name.isEmpty()) {
            return Cleaned.blank();
        }
        if (hasDigit(name)) {
            return Cleaned.reject(Reason.TEXT_INVALID, "姓名“" + name + "”中含有数字，姓名里不应有数字（可能填错了列）。请对照身份证或户口簿核对后重新填写。");
        }
        return Cleaned.ok(isChineseName(name) ? chineseForm(name) : name);
    }

    private static boolean hasDigit(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isDigit(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isChineseName(String name) {
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            // the common ideographs are Han without a lookup in the script table
            boolean han = cp >= 0x4E00 && cp <= 0x9FEF || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (!han && cp != ' ' && cp != MIDDLE_DOT && DOT_LOOKALIKES.indexOf(cp) < 0) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String chineseForm(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean space = c == ' ';
            boolean lookalike = DOT_LOOKALIKES.indexOf(c) >= 0;
            if (out == null && (space || lookalike)) {
                out = new StringBuilder(name.length()).append(name, 0, i);
            }
            if (out != null && !space) {
                out.append(lookalike ? MIDDLE_DOT : c);
            }
        }
        return out == null ? name : out.toString();
    }
}
