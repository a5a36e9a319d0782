package dev.hooklab.run.agent;

import java.math.BigInteger;
import java.util.TreeSet;

/**
 * The agent's RangeInfo#get_range: an SELinux range the AppSpec parser accepted, rewritten in canonical
 * form: {@code s<low>} plus {@code -s<high>} when different, then the categories sorted with consecutive
 * runs joined ({@code s0-s0:c3,c0.c2,c4} is {@code s0:c0.c4}).
 */
final class SelinuxRangeText {
    private SelinuxRangeText() {
    }

    static String canonical(String range) {
        String[] parts = range.split(":", 2);
        String[] sensitivities = parts[0].split("-", 2);
        BigInteger low = new BigInteger(sensitivities[0].substring(1));
        BigInteger high = sensitivities.length == 2 ? new BigInteger(sensitivities[1].substring(1)) : low;
        StringBuilder text = new StringBuilder("s").append(low);
        if (!low.equals(high)) {
            text.append("-s").append(high);
        }
        if (parts.length == 2) {
            text.append(':').append(categories(parts[1]));
        }
        return text.toString();
    }

    private static String categories(String list) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String part : list.split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] ends = part.split("\\.", 2);
            int from = number(ends[0]);
            int to = ends.length == 2 ? number(ends[1]) : from;
            for (int n = from; n <= to; n++) {
                numbers.add(n);
            }
        }
        StringBuilder text = new StringBuilder();
        Integer start = null;
        Integer previous = null;
        for (int n : numbers) {
            if (previous != null && n == previous + 1) {
                previous = n;
                continue;
            }
            append(text, start, previous);
            start = n;
            previous = n;
        }
        append(text, start, previous);
        return text.toString();
    }

    private static void append(StringBuilder text, Integer start, Integer end) {
        if (start == null) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(',');
        }
        text.append('c').append(start);
        if (!start.equals(end)) {
            text.append(".c").append(end);
        }
    }

    private static int number(String category) {
        return new BigInteger(category.substring(1)).intValueExact();
    }
}
