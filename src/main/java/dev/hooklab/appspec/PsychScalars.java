package dev.hooklab.appspec;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Psych's reading of an untagged plain scalar (Ruby's YAML 1.1 rules), as the agent's
 * {@code YAML.load} applies them on Ruby 3.1 and later.
 *
 * <p>Source: ruby/psych {@code lib/psych/scalar_scanner.rb}, {@code ScalarScanner#tokenize} (Psych 5.x,
 * {@code strict_integer: false} as {@code YAML.load} passes it, so INTEGER_LEGACY applies), and
 * {@code lib/psych/class_loader.rb} (the restricted loader refuses Date and Time; {@code YAML.load}
 * permits Symbol). The checks run in tokenize's order:
 * <ol>
 * <li>empty text: nil;</li>
 * <li>"string-like" text (starts, after at most one character other than a digit, {@code .}, {@code :}
 * or {@code -}, with letters, {@code _}, blanks or punctuation) or text with a newline: longer than 5
 * characters is a String; otherwise {@code ~}/{@code null} (any case) nil, {@code yes/true/on} true,
 * {@code no/false/off} false (any case), anything else a String ({@code y} and {@code n} stay strings);</li>
 * <li>timestamps ({@code 2024-01-02 10:00:00}): Time, refused;</li>
 * <li>dates ({@code 2024-01-02}): Date, refused;</li>
 * <li>{@code .inf}, {@code +.inf}, {@code -.inf}, {@code .nan} (any case): Float;</li>
 * <li>{@code :name} (two characters or more): Symbol;</li>
 * <li>base 60 ({@code 1:30}): Integer, each part times 60^|index-2| (so {@code 1:30} is 5400, Psych's
 * arithmetic), or Float when the last part has a fraction;</li>
 * <li>FLOAT (a {@code .} is required, an exponent needs its sign: {@code 1.0e+3}; {@code 1e3} is a
 * String): Float, with {@code ,} and {@code _} removed;</li>
 * <li>INTEGER_LEGACY ({@code 0b101}, {@code 0644} octal, {@code 1_000}, {@code 1,000}, {@code 0x1F}):
 * Integer via Kernel#Integer, so a leading 0 is octal and {@code 08} stays a String;</li>
 * <li>anything else: String.</li>
 * </ol>
 * Ruby's {@code ^} and {@code $} are line anchors, hence MULTILINE with UNIX_LINES throughout.
 */
final class PsychScalars {
    private static final int ML = Pattern.MULTILINE | Pattern.UNIX_LINES;
    private static final int MLI = ML | Pattern.CASE_INSENSITIVE;

    private static final Pattern STRING_LIKE = Pattern.compile(
            "^[^0-9.:\\-]?[\\p{L}\\p{M}_ \\t\\n\\x0B\\f\\r!@#$%^&*(){}<>|/\\\\~;=]+", ML);
    private static final Pattern NOT_KEYWORD_START = Pattern.compile("^[^ytonf~]", MLI);
    private static final Pattern NULL_WORD = Pattern.compile("^null$", MLI);
    private static final Pattern TRUE_WORD = Pattern.compile("^(yes|true|on)$", MLI);
    private static final Pattern FALSE_WORD = Pattern.compile("^(no|false|off)$", MLI);
    private static final Pattern TIME = Pattern.compile(
            "^-?\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]|\\s+)\\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d*)?(?:\\s*(?:Z|[-+]\\d{1,2}:?(?:\\d\\d)?))?$",
            ML);
    private static final Pattern DATE = Pattern.compile("^\\d{4}-(?:1[012]|0\\d|\\d)-(?:[12]\\d|3[01]|0\\d|\\d)$", ML);
    private static final Pattern POSITIVE_INFINITY = Pattern.compile("^\\+?\\.inf$", MLI);
    private static final Pattern NEGATIVE_INFINITY = Pattern.compile("^-\\.inf$", MLI);
    private static final Pattern NAN = Pattern.compile("^\\.nan$", MLI);
    private static final Pattern SYMBOL = Pattern.compile("^:.", ML);
    private static final Pattern QUOTED_SYMBOL = Pattern.compile("^:([\"'])(.*)\\1", ML);
    private static final Pattern BASE60_INT = Pattern.compile("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$", ML);
    private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\\.[0-9_]*$", ML);
    private static final Pattern FLOAT = Pattern.compile("^(?:[-+]?([0-9][0-9_,]*)?\\.[0-9]*([eE][-+][0-9]+)?)$", ML);
    private static final Pattern LONE_DOT = Pattern.compile("\\A[-+]?\\.\\z");
    private static final Pattern DOT_BEFORE_EXPONENT_OR_END = Pattern.compile("\\.([Ee]|$)");
    private static final Pattern INTEGER_LEGACY = Pattern.compile(
            "^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$", ML);

    /** What Psych makes of a scalar: a value, a refused Ruby class, or a Ruby exception text. */
    sealed interface Result {
        record Value(YamlValue value) implements Result {
        }

        /** The restricted class loader raises {@code Tried to load unspecified class: <rubyClass>}. */
        record Refused(String rubyClass) implements Result {
        }

        /** Ruby raises another exception (ArgumentError, TypeError) with this message. */
        record Broken(String rubyError) implements Result {
        }
    }

    /** Psych's ScalarScanner#tokenize of {@code text} (a plain scalar, or one tagged {@code !}). */
    Result tokenize(String text, Mark mark) {
        if (text.isEmpty()) {
            return value(new YamlValue.Null(mark, text));
        }
        if (STRING_LIKE.matcher(text).find() || text.indexOf('\n') >= 0) {
            return value(keywordOrString(text, mark));
        }
        if (TIME.matcher(text).find()) {
            return new Result.Refused("Time");
        }
        if (DATE.matcher(text).find()) {
            return new Result.Refused("Date");
        }
        if (POSITIVE_INFINITY.matcher(text).find()) {
            return value(new YamlValue.Float(Double.POSITIVE_INFINITY, mark, text));
        }
        if (NEGATIVE_INFINITY.matcher(text).find()) {
            return value(new YamlValue.Float(Double.NEGATIVE_INFINITY, mark, text));
        }
        if (NAN.matcher(text).find()) {
            return value(new YamlValue.Float(Double.NaN, mark, text));
        }
        if (SYMBOL.matcher(text).find()) {
            var quoted = QUOTED_SYMBOL.matcher(text);
            String name = quoted.find() ? quoted.group(2).replaceFirst("^:", "") : text.replaceFirst("^:", "");
            return value(new YamlValue.Sym(name, mark, text));
        }
        if (BASE60_INT.matcher(text).find()) {
            return value(new YamlValue.Int(base60Integer(text), mark, text));
        }
        if (BASE60_FLOAT.matcher(text).find()) {
            return value(new YamlValue.Float(base60Float(text), mark, text));
        }
        if (FLOAT.matcher(text).find()) {
            return decimalFloat(text, mark);
        }
        if (INTEGER_LEGACY.matcher(text).find()) {
            String digits = text.replace(",", "").replace("_", "");
            Optional<BigInteger> parsed = RubyNumbers.strictInteger(digits);
            return parsed.<Result>map(v -> value(new YamlValue.Int(v, mark, text)))
                    .orElseGet(() -> broken("Integer", digits));
        }
        return value(new YamlValue.Str(text, mark, false));
    }

    /** The first branch of tokenize: short words may be nil or booleans, the rest are strings. */
    private static YamlValue keywordOrString(String text, Mark mark) {
        if (text.codePointCount(0, text.length()) > 5 || NOT_KEYWORD_START.matcher(text).find()) {
            return new YamlValue.Str(text, mark, false);
        }
        if (text.equals("~") || NULL_WORD.matcher(text).find()) {
            return new YamlValue.Null(mark, text);
        }
        if (TRUE_WORD.matcher(text).find()) {
            return new YamlValue.Bool(true, mark, text);
        }
        if (FALSE_WORD.matcher(text).find()) {
            return new YamlValue.Bool(false, mark, text);
        }
        return new YamlValue.Str(text, mark, false);
    }

    /** {@code i += n.to_i * 60 ** (e - 2).abs} over the colon-separated parts. */
    private static BigInteger base60Integer(String text) {
        String[] parts = text.split(":");
        BigInteger sum = BigInteger.ZERO;
        for (int e = 0; e < parts.length; e++) {
            sum = sum.add(RubyNumbers.stringToI(parts[e]).multiply(BigInteger.valueOf(60).pow(Math.abs(e - 2))));
        }
        return sum;
    }

    /** {@code i += n.to_f * 60 ** (e - 2).abs} over the colon-separated parts. */
    private static double base60Float(String text) {
        String[] parts = text.split(":");
        double sum = 0;
        for (int e = 0; e < parts.length; e++) {
            sum += RubyNumbers.stringToF(parts[e]) * Math.pow(60, Math.abs(e - 2));
        }
        return sum;
    }

    /** {@code Float(string.delete(',_').gsub(/\.([Ee]|$)/, '\1'))}, a lone dot staying a String. */
    private static Result decimalFloat(String text, Mark mark) {
        if (LONE_DOT.matcher(text).find()) {
            return value(new YamlValue.Str(text, mark, false));
        }
        String cleaned = DOT_BEFORE_EXPONENT_OR_END.matcher(text.replace(",", "").replace("_", "")).replaceAll("$1");
        return RubyNumbers.strictFloat(cleaned).<Result>map(v -> value(new YamlValue.Float(v, mark, text)))
                .orElseGet(() -> broken("Float", cleaned));
    }

    private static Result value(YamlValue v) {
        return new Result.Value(v);
    }

    private static Result broken(String kernelMethod, String argument) {
        return new Result.Broken("invalid value for " + kernelMethod + "(): " + RubyFormat.inspectString(argument));
    }
}
