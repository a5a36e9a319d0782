package dev.hooklab.appspec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Ruby methods the agent calls on loaded YAML values ({@code value['key']}, {@code has_key?},
 * {@code each}, {@code each_pair}, {@code to_i}, {@code to_s}, {@code strip}, {@code split}), with
 * the result Ruby gives for each kind of value, or the error Ruby raises. A Java {@code null} and a
 * {@link YamlValue.Null} both stand for Ruby's nil. Error texts follow Ruby 3.4
 * ({@code undefined method 'each' for an instance of String}); older Rubies word them slightly
 * differently (backquotes, {@code nil:NilClass}).
 */
final class RubyCalls {
    private static final String RUBY_SPACE = "\0\t\n\u000B\f\r ";

    /** A call's result, or the message of the exception it raised. */
    record Outcome<T>(T value, String error) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> raised(String error) {
            return new Outcome<>(null, error);
        }

        boolean failed() {
            return error != null;
        }
    }

    private RubyCalls() {
    }

    static boolean isNil(YamlValue v) {
        return v == null || v instanceof YamlValue.Null;
    }

    /** Ruby truthiness: everything but nil and false. */
    static boolean truthy(YamlValue v) {
        return v != null && v.truthy();
    }

    /** {@code "#{v}"}: nil is the empty string. */
    static String toS(YamlValue v) {
        return v == null ? "" : v.rubyString();
    }

    /** {@code receiver[key]}: Hash lookup, or String#[] (the substring when present, else nil). */
    static Outcome<YamlValue> index(YamlValue receiver, String key) {
        if (receiver instanceof YamlValue.Map m) {
            return Outcome.of(m.get(key).orElse(null));
        }
        if (receiver instanceof YamlValue.Str || receiver instanceof YamlValue.Sym) {
            return Outcome.of(receiver.rubyString().contains(key) ? new YamlValue.Str(key, receiver.mark(), false) : null);
        }
        if (receiver instanceof YamlValue.Int || receiver instanceof YamlValue.Seq) {
            return Outcome.raised(noImplicitConversion("String", "Integer"));
        }
        return Outcome.raised(noMethod("[]", receiver));
    }

    static Outcome<Boolean> hasKey(YamlValue receiver, String key) {
        if (receiver instanceof YamlValue.Map m) {
            return Outcome.of(m.has(key));
        }
        return Outcome.raised(noMethod("has_key?", receiver));
    }

    /** What {@code each} yields: a list's items, or a Hash's pairs as two-element Arrays. */
    static Outcome<List<YamlValue>> each(YamlValue receiver) {
        if (receiver instanceof YamlValue.Seq s) {
            return Outcome.of(s.items());
        }
        if (receiver instanceof YamlValue.Map m) {
            List<YamlValue> pairs = new ArrayList<>();
            for (YamlValue.Pair p : m.entries()) {
                pairs.add(new YamlValue.Seq(List.of(p.key(), p.value()), p.key().mark()));
            }
            return Outcome.of(pairs);
        }
        return Outcome.raised(noMethod("each", receiver));
    }

    static Outcome<List<YamlValue.Pair>> eachPair(YamlValue receiver) {
        if (receiver instanceof YamlValue.Map m) {
            return Outcome.of(m.entries());
        }
        return Outcome.raised(noMethod("each_pair", receiver));
    }

    /** {@code to_i}: Integer as is, Float truncated, String#to_i, nil 0; others have no to_i. */
    static Outcome<BigInteger> toI(YamlValue v) {
        if (isNil(v)) {
            return Outcome.of(BigInteger.ZERO);
        }
        if (v instanceof YamlValue.Int i) {
            return Outcome.of(i.value());
        }
        if (v instanceof YamlValue.Float f) {
            Optional<BigInteger> truncated = RubyNumbers.floatToI(f.value());
            return truncated.map(Outcome::of).orElseGet(() -> Outcome.raised(RubyFormat.floatToS(f.value())));
        }
        if (v instanceof YamlValue.Str s) {
            return Outcome.of(RubyNumbers.stringToI(s.value()));
        }
        return Outcome.raised(noMethod("to_i", v));
    }

    /** String#strip: leading and trailing whitespace and NUL removed. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && RUBY_SPACE.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && RUBY_SPACE.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * String#split with a literal separator: an empty string gives no parts; a positive limit caps
     * the number of parts; limit 0 drops trailing empty parts, a negative limit keeps them.
     */
    static List<String> split(String s, String separator, int limit) {
        List<String> parts = new ArrayList<>();
        if (s.isEmpty()) {
            return parts;
        }
        int from = 0;
        while (limit <= 0 || parts.size() < limit - 1) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(from, at));
            from = at + separator.length();
        }
        parts.add(s.substring(from));
        if (limit == 0) {
            while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
                parts.remove(parts.size() - 1);
            }
        }
        return parts;
    }

    /** NoMethodError's message: {@code undefined method 'm' for an instance of Array} / {@code for nil}. */
    static String noMethod(String method, YamlValue receiver) {
        String target;
        if (isNil(receiver)) {
            target = "nil";
        } else if (receiver instanceof YamlValue.Bool b) {
            target = Boolean.toString(b.value());
        } else {
            target = "an instance of " + receiver.rubyClass();
        }
        return "undefined method '" + method + "' for " + target;
    }

    static String noImplicitConversion(String from, String into) {
        return "no implicit conversion of " + from + " into " + into;
    }
}
