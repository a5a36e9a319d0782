package dev.hooklab.appspec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * A YAML value as the agent's Ruby YAML 1.1 loader sees it, with the position it came from. The
 * {@link #rubyString()} and {@link #rubyInspect()} renderings match Ruby's {@code to_s} and
 * {@code inspect}, because the agent interpolates values into its messages that way.
 */
public sealed interface YamlValue {

    /** Where the value starts. */
    Mark mark();

    /** Ruby's {@code to_s}: nil is "", true is "true", 0.0 is "0.0", a list is its inspect. */
    String rubyString();

    /** Ruby's {@code inspect}: strings quoted, hashes as {"k"=>"v"}. */
    String rubyInspect();

    /** Ruby's class name (NilClass, TrueClass, FalseClass, Integer, Float, String, Symbol, Array, Hash). */
    String rubyClass();

    /** Ruby truthiness: everything but nil and false. */
    default boolean truthy() {
        return !(this instanceof Null) && !(this instanceof Bool b && !b.value());
    }

    /** The source text of a scalar as written (without quotes), or null for collections. */
    default String source() {
        return null;
    }

    record Null(Mark mark, String source) implements YamlValue {
        public String rubyString() {
            return "";
        }

        public String rubyInspect() {
            return "nil";
        }

        public String rubyClass() {
            return "NilClass";
        }
    }

    record Bool(boolean value, Mark mark, String source) implements YamlValue {
        public String rubyString() {
            return Boolean.toString(value);
        }

        public String rubyInspect() {
            return rubyString();
        }

        public String rubyClass() {
            return value ? "TrueClass" : "FalseClass";
        }
    }

    record Int(BigInteger value, Mark mark, String source) implements YamlValue {
        public String rubyString() {
            return value.toString();
        }

        public String rubyInspect() {
            return rubyString();
        }

        public String rubyClass() {
            return "Integer";
        }
    }

    record Float(double value, Mark mark, String source) implements YamlValue {
        public String rubyString() {
            return RubyFormat.floatToS(value);
        }

        public String rubyInspect() {
            return rubyString();
        }

        public String rubyClass() {
            return "Float";
        }
    }

    /** @param quoted whether it was written in quotes or as a block scalar (then never a number or boolean) */
    record Str(String value, Mark mark, boolean quoted) implements YamlValue {
        public String rubyString() {
            return value;
        }

        public String rubyInspect() {
            return RubyFormat.inspectString(value);
        }

        public String rubyClass() {
            return "String";
        }

        @Override
        public String source() {
            return value;
        }
    }

    /**
     * A Ruby Symbol: Psych reads plain {@code :name} (and {@code !ruby/sym name}) as one, and
     * {@code YAML.load} permits Symbol even on Psych 4 and later.
     */
    record Sym(String name, Mark mark, String source) implements YamlValue {
        public String rubyString() {
            return name;
        }

        public String rubyInspect() {
            return RubyFormat.inspectSymbol(name);
        }

        public String rubyClass() {
            return "Symbol";
        }
    }

    record Seq(List<YamlValue> items, Mark mark) implements YamlValue {
        public Seq {
            items = List.copyOf(items);
        }

        public String rubyString() {
            return rubyInspect();
        }

        public String rubyInspect() {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(items.get(i).rubyInspect());
            }
            return b.append(']').toString();
        }

        public String rubyClass() {
            return "Array";
        }
    }

    /** A mapping in document order; duplicate keys are all kept here, and {@link #get} returns the last, as Ruby does. */
    record Map(List<Pair> pairs, Mark mark) implements YamlValue {
        public Map {
            pairs = List.copyOf(pairs);
        }

        /** The value of the last pair whose key is the string (or scalar rendering) {@code key}, as Ruby's Hash#[]. */
        public Optional<YamlValue> get(String key) {
            YamlValue found = null;
            for (Pair p : pairs) {
                if (p.key() instanceof Str s && s.value().equals(key)) {
                    found = p.value();
                }
            }
            return Optional.ofNullable(found);
        }

        /** The pair whose value {@link #get} returns. */
        public Optional<Pair> pair(String key) {
            Pair found = null;
            for (Pair p : pairs) {
                if (p.key() instanceof Str s && s.value().equals(key)) {
                    found = p;
                }
            }
            return Optional.ofNullable(found);
        }

        public boolean has(String key) {
            return pair(key).isPresent();
        }

        /**
         * The mapping as a Ruby Hash sees it: one entry per distinct key, at the position where the
         * key first appeared, holding the last value given for it.
         */
        public List<Pair> entries() {
            java.util.Map<String, Integer> slot = new LinkedHashMap<>();
            List<Pair> result = new ArrayList<>();
            for (Pair p : pairs) {
                String identity = p.key().rubyClass() + ":" + p.key().rubyInspect();
                Integer at = slot.get(identity);
                if (at == null) {
                    slot.put(identity, result.size());
                    result.add(p);
                } else {
                    result.set(at, new Pair(result.get(at).key(), p.value()));
                }
            }
            return result;
        }

        public String rubyString() {
            return rubyInspect();
        }

        /** Hash#inspect as Ruby 3.1 to 3.3 print it: {"k"=>"v"} (Ruby 3.4 adds spaces around =>). */
        public String rubyInspect() {
            StringBuilder b = new StringBuilder("{");
            List<Pair> entries = entries();
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(entries.get(i).key().rubyInspect()).append("=>").append(entries.get(i).value().rubyInspect());
            }
            return b.append('}').toString();
        }

        public String rubyClass() {
            return "Hash";
        }
    }

    record Pair(YamlValue key, YamlValue value) {
    }
}
