package dev.hooklab.appspec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby's numeric conversions as Psych and the agent use them: String#to_i, String#to_f, the strict
 * Kernel#Integer and Kernel#Float, and Float#to_i.
 */
final class RubyNumbers {
    /** Ruby's whitespace for number parsing and strip: space, \t, \n, \v, \f, \r. */
    private static final String SPACE = " \t\n\u000B\f\r";
    /** Kernel#Float(String): optional blanks, sign, hex integer or decimal with single underscores. */
    private static final Pattern STRICT_FLOAT = Pattern.compile(
            "[ \\t\\n\\x0B\\f\\r]*([-+]?)(?:0[xX]([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)"
                    + "|((?:\\d+(?:_\\d+)*)?(?:\\.\\d+(?:_\\d+)*)?(?:[eE][-+]?\\d+(?:_\\d+)*)?))[ \\t\\n\\x0B\\f\\r]*");

    private RubyNumbers() {
    }

    /**
     * String#to_i: leading whitespace, an optional sign, an optional {@code 0d} prefix, then decimal
     * digits with single underscores between them; stops at the first other character; 0 when
     * there are no digits ({@code "30s"} is 30, {@code "foo"} is 0).
     */
    static BigInteger stringToI(String s) {
        int i = skipSpace(s, 0);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i + 2 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'd' || s.charAt(i + 1) == 'D')
                && isDigit(s.charAt(i + 2))) {
            i += 2;
        }
        String digits = digitRun(s, i);
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        BigInteger value = new BigInteger(digits);
        return negative ? value.negate() : value;
    }

    /**
     * String#to_f for the plain decimal texts Psych hands it (sexagesimal parts): sign, digits with
     * single underscores, an optional fraction; 0.0 when nothing parses.
     */
    static double stringToF(String s) {
        int i = skipSpace(s, 0);
        StringBuilder text = new StringBuilder();
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            text.append(s.charAt(i));
            i++;
        }
        String whole = digitRun(s, i);
        i += runLength(s, i);
        text.append(whole.isEmpty() ? "0" : whole);
        if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
            text.append('.').append(digitRun(s, i + 1));
        }
        return Double.parseDouble(text.toString());
    }

    /**
     * Kernel#Integer(String) on the texts Psych passes it (already stripped of {@code ,} and
     * {@code _}): sign, then {@code 0b}, {@code 0x}, a leading {@code 0} for octal, or decimal.
     * Empty when Ruby raises ArgumentError (e.g. {@code "0b"}).
     */
    static Optional<BigInteger> strictInteger(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        String rest = s.substring(i);
        int radix = 10;
        String digits = rest;
        if (rest.length() >= 2 && rest.charAt(0) == '0') {
            char p = Character.toLowerCase(rest.charAt(1));
            if (p == 'b' || p == 'x' || p == 'o' || p == 'd') {
                radix = p == 'b' ? 2 : p == 'x' ? 16 : p == 'o' ? 8 : 10;
                digits = rest.substring(2);
            } else {
                radix = 8;
                digits = rest.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            return Optional.of(negative ? value.negate() : value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Kernel#Float(String); empty when Ruby raises ArgumentError ({@code invalid value for Float(): ...}). */
    static Optional<Double> strictFloat(String s) {
        Matcher m = STRICT_FLOAT.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean negative = m.group(1).equals("-");
        if (m.group(2) != null) {
            double hex = new BigInteger(m.group(2).replace("_", ""), 16).doubleValue();
            return Optional.of(negative ? -hex : hex);
        }
        String decimal = m.group(3).replace("_", "");
        if (decimal.isEmpty() || decimal.startsWith("e") || decimal.startsWith("E")
                || decimal.equals(".")) {
            return Optional.empty();
        }
        double value = Double.parseDouble(decimal);
        return Optional.of(negative ? -value : value);
    }

    /**
     * Float#to_i: truncation toward zero; empty for NaN and the infinities, where Ruby raises
     * FloatDomainError.
     */
    static Optional<BigInteger> floatToI(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(v).toBigInteger());
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && SPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Digits from {@code from} with single underscores between digits, underscores removed. */
    private static String digitRun(String s, int from) {
        return s.substring(from, from + runLength(s, from)).replace("_", "");
    }

    private static int runLength(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                i++;
            } else if (c == '_' && i > from && isDigit(s.charAt(i - 1)) && i + 1 < s.length()
                    && isDigit(s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i - from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
