package dev.hooklab.appspec;

import java.math.BigInteger;
import java.util.List;

/**
 * The agent's RangeInfo check of a context {@code range}: {@code s<low>[-s<high>][:<categories>]},
 * categories a comma list of {@code c<n>} or {@code c<a>.c<b>}, high sensitivity not below low,
 * categories 0-1023, none twice. Returns the first error the agent raises, or null.
 */
final class SelinuxRange {
    private static final BigInteger MAX_CATEGORY = BigInteger.valueOf(1023);

    /** The agent raises with this message (RangeInfo's terse texts are the whole message). */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private SelinuxRange() {
    }

    /** The agent's message for {@code range}, or null when it accepts it. */
    static String check(String range) {
        try {
            List<String> parts = ensureParts(range, ":");
            List<String> sensitivities = ensureParts(parts.get(0), "-");
            BigInteger low = sensitivity(sensitivities.get(0));
            if (sensitivities.size() == 2 && sensitivity(sensitivities.get(1)).compareTo(low) < 0) {
                return AppSpecAgentErrors.invalidRange(range);
            }
            if (parts.size() == 2) {
                categories(RubyCalls.split(parts.get(1), ",", 0));
            }
            return null;
        } catch (Invalid e) {
            return e.getMessage();
        }
    }

    /** One part without the separator, else two non-empty parts around its first occurrence. */
    private static List<String> ensureParts(String input, String separator) throws Invalid {
        int expected = input.contains(separator) ? 2 : 1;
        List<String> parts = RubyCalls.split(input, separator, 2);
        if (parts.size() != expected || parts.stream().anyMatch(String::isEmpty)) {
            throw new Invalid(AppSpecAgentErrors.invalidRangePart(input));
        }
        return parts;
    }

    private static BigInteger sensitivity(String s) throws Invalid {
        if (s.length() < 2 || !s.startsWith("s") || !digits(s.substring(1))) {
            throw new Invalid(AppSpecAgentErrors.invalidSensitivity(s));
        }
        return new BigInteger(s.substring(1));
    }

    private static BigInteger category(String c) throws Invalid {
        if (c.length() < 2 || !c.startsWith("c") || !digits(c.substring(1))
                || new BigInteger(c.substring(1)).compareTo(MAX_CATEGORY) > 0) {
            throw new Invalid(AppSpecAgentErrors.invalidCategory(c));
        }
        return new BigInteger(c.substring(1));
    }

    /** Every category is checked before duplicates are looked for, as the agent sorts afterwards. */
    private static void categories(List<String> parts) throws Invalid {
        int[] seen = new int[MAX_CATEGORY.intValue() + 1];
        boolean duplicate = false;
        for (String part : parts) {
            int low;
            int high;
            if (part.contains(".")) {
                List<String> ends = ensureParts(part, ".");
                low = category(ends.get(0)).intValue();
                high = category(ends.get(1)).intValue();
                if (high < low) {
                    throw new Invalid(AppSpecAgentErrors.invalidCategoryRange(ends.get(0), ends.get(1)));
                }
            } else {
                low = category(part).intValue();
                high = low;
            }
            for (int n = low; n <= high && !duplicate; n++) {
                duplicate = ++seen[n] > 1;
            }
        }
        if (duplicate) {
            throw new Invalid(AppSpecAgentErrors.duplicateCategories());
        }
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
