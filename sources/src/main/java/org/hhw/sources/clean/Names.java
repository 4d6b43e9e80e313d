package org.hhw.sources.clean;

/** Person names. */
public final class Names {

    private static final char MIDDLE_DOT = '·';
    /**
     * Characters typed instead of the middle dot of minority names ("阿不都·热合曼"): bullet,
     * katakana and hyphenation dots, and a full stop (a full-width one arrives here as '.').
     */
    private static final String DOT_LOOKALIKES = "•・‧∙･.";

    private Names() {
    }

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
        if (name.chars().anyMatch(Character::isDigit)) {
            return Cleaned.reject(Reason.TEXT_INVALID, "姓名“" + name
                    + "”中含有数字，姓名里不应有数字（可能填错了列）。请对照身份证或户口簿核对后重新填写。");
        }
        return Cleaned.ok(isChineseName(name) ? chineseForm(name) : name);
    }

    private static boolean isChineseName(String name) {
        return name.codePoints().allMatch(cp -> cp == ' ' || cp == MIDDLE_DOT || DOT_LOOKALIKES.indexOf(cp) >= 0
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static String chineseForm(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ') {
                out.append(DOT_LOOKALIKES.indexOf(c) >= 0 ? MIDDLE_DOT : c);
            }
        }
        return out.toString();
    }
}
