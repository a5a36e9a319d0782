package dev.hooklab.appspec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Psych's ToRuby visitor does with an explicit tag, under the restricted class loader of
 * {@code YAML.load} on Ruby 3.1 and later. hooklab never builds an object from a tag: it either reads
 * the node as Psych would without the tag, or reports the class Psych refuses to load.
 *
 * <p>Source: ruby/psych {@code lib/psych/visitors/to_ruby.rb} ({@code deserialize},
 * {@code visit_Psych_Nodes_Sequence}, {@code visit_Psych_Nodes_Mapping}) and
 * {@code lib/psych/class_loader.rb} (Restricted#find raises {@code DisallowedClass} for every class
 * but Symbol; class names for {@code class_loader.range} etc. are its constants). Tags Psych does not
 * know fall through to the untagged reading: the tag is silently ignored.
 */
final class PsychTags {
    private static final String CORE = "tag:yaml.org,2002:";
    private static final Pattern STR_CLASS = Pattern.compile("^!(?:str|ruby/string)(?::(.*))?$");
    private static final Pattern SYMBOL = Pattern.compile("^!ruby/sym(bol)?:?(.*)?$");
    private static final Pattern STRUCT = Pattern.compile("^!ruby/struct:?(.*)?$");
    private static final Pattern OBJECT = Pattern.compile("^!ruby/object:?(.*)?$");
    private static final Pattern EXCEPTION = Pattern.compile("^!ruby/exception:?(.*)?$");
    private static final Pattern HASH_WITH_IVARS = Pattern.compile("^!ruby/hash-with-ivars(?::(.*))?$");
    private static final Pattern CLASS_SUFFIX = Pattern.compile(
            "^!(?:map|ruby/hash|ruby/array|ruby/marshalable):(.*)$");
    private static final Pattern SEQ_CLASS = Pattern.compile("^!(?:seq|ruby/array):(.*)$");

    /** How to read a node with an explicit tag. */
    sealed interface Reading {
        /** Read as an untagged node would be (scalars through tokenize); {@code ignored}: Psych drops an unknown tag. */
        record Untagged(boolean ignored) implements Reading {
        }

        /** The scalar's text, always a String ({@code !!str}). */
        record Text() implements Reading {
        }

        /** {@code Float(tokenize(text))} ({@code !!float}). */
        record Float() implements Reading {
        }

        /** Base64-decoded text ({@code !!binary}). */
        record Binary() implements Reading {
        }

        /** A Symbol of the text ({@code !ruby/sym}); Symbol is permitted by YAML.load. */
        record Symbol() implements Reading {
        }

        /** Psych asks its class loader for this class, which raises DisallowedClass. */
        record Refused(String rubyClass) implements Reading {
        }

        /** Psych builds something hooklab does not model (an Encoding, a string with ivars...). */
        record Unmodelled() implements Reading {
        }
    }

    private PsychTags() {
    }

    /** Psych's {@code deserialize} for a scalar tagged {@code tag} (never null, never "!"). */
    static Reading scalar(String tag, String text) {
        if (tag.equals("!binary") || tag.equals(CORE + "binary")) {
            return new Reading.Binary();
        }
        if (tag.equals(CORE + "str")) {
            return new Reading.Text();
        }
        Matcher str = STR_CLASS.matcher(tag);
        if (str.matches()) {
            return empty(str.group(1)) ? new Reading.Text() : new Reading.Refused(str.group(1));
        }
        switch (tag) {
            case "!ruby/object:BigDecimal":
                return new Reading.Refused("BigDecimal");
            case "!ruby/object:DateTime":
                return new Reading.Refused("DateTime");
            case "!ruby/object:Complex":
                return new Reading.Refused("Complex");
            case "!ruby/object:Rational":
                return new Reading.Refused("Rational");
            case "!ruby/regexp":
                return new Reading.Refused("Regexp");
            case "!ruby/range":
                return new Reading.Refused("Range");
            case "!ruby/class", "!ruby/module":
                return text.isEmpty() ? new Reading.Untagged(false) : new Reading.Refused(text);
            case "!ruby/encoding":
                return new Reading.Unmodelled();
            case CORE + "float", "!float":
                return new Reading.Float();
            default:
                break;
        }
        if (SYMBOL.matcher(tag).matches()) {
            return new Reading.Symbol();
        }
        return new Reading.Untagged(!isCore(tag));
    }

    /** Psych's {@code visit_Psych_Nodes_Sequence} for a sequence tagged {@code tag}. */
    static Reading sequence(String tag) {
        if (tag.equals("!omap") || tag.equals(CORE + "omap")) {
            return new Reading.Unmodelled();
        }
        Matcher m = SEQ_CLASS.matcher(tag);
        if (m.matches()) {
            return empty(m.group(1)) ? new Reading.Unmodelled() : new Reading.Refused(m.group(1));
        }
        return new Reading.Untagged(!isCore(tag));
    }

    /** Psych's {@code visit_Psych_Nodes_Mapping} for a mapping tagged {@code tag}. */
    static Reading mapping(String tag) {
        Matcher m;
        if ((m = STRUCT.matcher(tag)).matches()) {
            return new Reading.Refused(empty(m.group(1)) ? "Struct" : m.group(1));
        }
        if ((m = OBJECT.matcher(tag)).matches()) {
            String name = empty(m.group(1)) ? "Object" : m.group(1);
            return name.equals("Hash") ? new Reading.Untagged(false) : new Reading.Refused(name);
        }
        if (tag.equals(CORE + "str")) {
            return new Reading.Unmodelled();
        }
        if ((m = STR_CLASS.matcher(tag)).matches()) {
            return empty(m.group(1)) ? new Reading.Unmodelled() : new Reading.Refused(m.group(1));
        }
        if (tag.equals("!ruby/range")) {
            return new Reading.Refused("Range");
        }
        if ((m = EXCEPTION.matcher(tag)).matches()) {
            return new Reading.Refused(empty(m.group(1)) ? "Exception" : m.group(1));
        }
        if (tag.equals("!omap") || tag.equals(CORE + "omap")) {
            return new Reading.Refused("Psych::Omap");
        }
        if ((m = HASH_WITH_IVARS.matcher(tag)).matches() || (m = CLASS_SUFFIX.matcher(tag)).matches()) {
            return empty(m.group(1)) ? new Reading.Unmodelled() : new Reading.Refused(m.group(1));
        }
        return new Reading.Untagged(!isCore(tag));
    }

    /** The non-specific tag {@code !} and the YAML core tags Psych reads like untagged nodes. */
    private static boolean isCore(String tag) {
        return tag.equals("!") || (tag.startsWith(CORE) && !tag.substring(CORE.length()).contains("/"));
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
