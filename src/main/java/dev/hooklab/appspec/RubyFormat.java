package dev.hooklab.appspec;

/** Ruby's renderings of floats and strings, as the agent interpolates them into messages. */
final class RubyFormat {
    private RubyFormat() {
    }

    /** Ruby's Float#to_s: "0.0", "1.5", "1.0e+20", "Infinity", "NaN". */
    static String floatToS(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e16 || abs < 1e-4) {
            // Ruby: 1.0e+20, 1.5e-05
            String s = String.format(java.util.Locale.ROOT, "%.17e", v);
            java.math.BigDecimal bd = new java.math.BigDecimal(v);
            String digits = shortest(v);
            int exp = (int) Math.floor(Math.log10(abs));
            String mantissa = new java.math.BigDecimal(digits).movePointLeft(exp).stripTrailingZeros().toPlainString();
            if (!mantissa.contains(".")) {
                mantissa = mantissa + ".0";
            }
            if (s.isEmpty() || bd.signum() == 0) {
                return "0.0";
            }
            return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
        }
        String plain = new java.math.BigDecimal(shortest(v)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** The shortest decimal that reads back as the same double (Java's Double.toString digits). */
    private static String shortest(double v) {
        return new java.math.BigDecimal(Double.toString(v)).toString();
    }

    /** Ruby's String#inspect for the common cases: double quotes, backslash escapes. */
    static String inspectString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\u001b' -> b.append("\\e");
                case '#' -> {
                    char n = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                    b.append(n == '{' || n == '$' || n == '@' ? "\\#" : "#");
                }
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
