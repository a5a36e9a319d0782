package dev.hooklab.appspec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ruby's renderings of floats, strings and symbols, as the agent interpolates values into its
 * messages ({@code "#{version}"} is {@code to_s}, {@code context.inspect} is {@code inspect}).
 */
final class RubyFormat {
    /** Ruby's DBL_DIG + 1: above this decimal exponent Float#to_s switches to e-notation. */
    private static final int FIXED_MAX_EXPONENT = 16;
    /** Below this decimal exponent Float#to_s switches to e-notation (0.0001 stays fixed). */
    private static final int FIXED_MIN_EXPONENT = -3;
    private static final Pattern PLAIN_SYMBOL = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*[?!=]?|[@$][\\p{L}_][\\p{L}\\p{N}_]*");

    private RubyFormat() {
    }

    /**
     * Ruby's Float#to_s: the shortest digits that read back as the same double, in fixed notation
     * when the decimal exponent is in -3..16 ({@code 0.0001}, {@code 1.0e+16}), else as
     * {@code d.ddde+XX} with at least two exponent digits ({@code 1.0e+20}, {@code 1.5e-05}).
     */
    static String floatToS(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestDecimal(Math.abs(v));
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> * 10^decpt, as in Ruby's flo_to_s
        int decpt = digits.length() - shortest.scale();
        String sign = v < 0 ? "-" : "";
        if (decpt > 0 && decpt <= FIXED_MAX_EXPONENT) {
            if (decpt >= digits.length()) {
                return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        if (decpt <= 0 && decpt >= FIXED_MIN_EXPONENT) {
            return sign + "0." + "0".repeat(-decpt) + digits;
        }
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits + ".0";
        int exponent = decpt - 1;
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    /** The decimal with the fewest significant digits that parses back to {@code v} (v > 0). */
    private static BigDecimal shortestDecimal(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == v) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * Ruby's String#inspect for a UTF-8 string: double quotes; backslash escapes for {@code " \ \n \t
     * \r \f \v \b \a \e}; {@code \#} before {@code {}, {@code $} and {@code @}; other non-printable
     * characters as {@code \\uXXXX}.
     */
    static String inspectString(String s) {
        StringBuilder b = new StringBuilder("\"");
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case 0x0B -> b.append("\\v");
                case 0x08 -> b.append("\\b");
                case 0x07 -> b.append("\\a");
                case 0x1B -> b.append("\\e");
                case '#' -> {
                    int next = i < s.length() ? s.charAt(i) : 0;
                    b.append(next == '{' || next == '$' || next == '@' ? "\\#" : "#");
                }
                default -> {
                    if (printable(c)) {
                        b.appendCodePoint(c);
                    } else if (c < 0x10000) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", c));
                    } else {
                        b.append(String.format(Locale.ROOT, "\\u{%X}", c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Ruby's Symbol#inspect: {@code :name} for identifier-like names, else {@code :"quoted"}. */
    static String inspectSymbol(String name) {
        return PLAIN_SYMBOL.matcher(name).matches() ? ":" + name : ":" + inspectString(name);
    }

    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
