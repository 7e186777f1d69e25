package social.annals.command.status;

/**
 * Whether a text is exactly one unicode emoji, as Pleroma accepts for a reaction: a pictograph
 * with an optional presentation selector and skin tone, several of those joined by zero-width
 * joiners (families, professions), a keycap, a flag of two regional indicators, or a
 * subdivision flag written with tag characters.
 */
final class SingleEmoji {

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int PRESENTATION_SELECTOR = 0xFE0F;
    private static final int KEYCAP = 0x20E3;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;
    /** Long enough for the longest standard sequences (families of four with skin tones). */
    private static final int MAX_CODE_POINTS = 16;

    private SingleEmoji() {
    }

    static boolean matches(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        int[] points = text.codePoints().toArray();
        if (points.length > MAX_CODE_POINTS) {
            return false;
        }
        if (points.length == 2 && isRegionalIndicator(points[0]) && isRegionalIndicator(points[1])) {
            return true;
        }
        if (isKeycapBase(points[0])) {
            return points.length == 3 && points[1] == PRESENTATION_SELECTOR && points[2] == KEYCAP
                    || points.length == 2 && points[1] == KEYCAP;
        }
        if (points[0] == BLACK_FLAG && points.length > 2 && points[points.length - 1] == CANCEL_TAG) {
            for (int i = 1; i < points.length - 1; i++) {
                if (points[i] < 0xE0020 || points[i] > 0xE007E) {
                    return false;
                }
            }
            return true;
        }
        return joinedPictographs(points);
    }

    /** Pictograph [selector] [skin tone] [selector], then again after each zero-width joiner. */
    private static boolean joinedPictographs(int[] points) {
        int i = 0;
        while (true) {
            if (i >= points.length || !isPictograph(points[i])) {
                return false;
            }
            i++;
            if (i < points.length && points[i] == PRESENTATION_SELECTOR) {
                i++;
            }
            if (i < points.length && isSkinTone(points[i])) {
                i++;
            }
            if (i < points.length && points[i] == PRESENTATION_SELECTOR) {
                i++;
            }
            if (i == points.length) {
                return true;
            }
            if (points[i] != ZERO_WIDTH_JOINER) {
                return false;
            }
            i++;
        }
    }

    /**
     * The pictographic planes whole, the two symbol blocks that are mostly emoji, and from the
     * arrow, technical, geometric and other blocks only the characters that are emoji, so that
     * "→" or "■" is not one.
     */
    private static boolean isPictograph(int c) {
        return c >= 0x1F000 && c <= 0x1FAFF && !isSkinTone(c) && !isRegionalIndicator(c)
                || c >= 0x2600 && c <= 0x27BF
                || c >= 0x2194 && c <= 0x2199 || c == 0x21A9 || c == 0x21AA
                || c == 0x231A || c == 0x231B || c == 0x2328 || c == 0x23CF || c >= 0x23E9 && c <= 0x23F3
                || c >= 0x23F8 && c <= 0x23FA
                || c == 0x25AA || c == 0x25AB || c == 0x25B6 || c == 0x25C0 || c >= 0x25FB && c <= 0x25FE
                || c == 0x2934 || c == 0x2935
                || c >= 0x2B05 && c <= 0x2B07 || c == 0x2B1B || c == 0x2B1C || c == 0x2B50 || c == 0x2B55
                || c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139
                || c == 0x24C2 || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
    }

    private static boolean isSkinTone(int c) {
        return c >= 0x1F3FB && c <= 0x1F3FF;
    }

    private static boolean isRegionalIndicator(int c) {
        return c >= 0x1F1E6 && c <= 0x1F1FF;
    }

    private static boolean isKeycapBase(int c) {
        return c >= '0' && c <= '9' || c == '#' || c == '*';
    }
}
