package dev.hooklab.appspec;

import dev.hooklab.finding.DiagnosticCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Turns the events of one YAML document into {@link YamlValue}s the way Psych's ToRuby visitor
 * (restricted, no aliases) converts nodes: Psych's scalar rules, tags per {@link PsychTags}, merge
 * keys ({@code <<}) as {@code revive_hash} applies them, aliases refused. Where Psych would raise, a
 * finding is recorded and a placeholder keeps the tree usable; nothing is ever expanded.
 */
final class PsychTreeBuilder {
    private static final String STR_TAG = "tag:yaml.org,2002:str";
    private static final String MERGE_KEY = "<<";

    private enum Kind { SCALAR, SEQUENCE, MAPPING, ALIAS }

    /** A converted node with what revive_hash needs to know about it. */
    private record Node(YamlValue value, String tag, Kind kind) {
    }

    /** An open sequence or mapping. */
    private static final class Frame {
        final boolean mapping;
        final String tag;
        final Mark mark;
        final List<Node> children = new ArrayList<>();

        Frame(boolean mapping, String tag, Mark mark) {
            this.mapping = mapping;
            this.tag = tag;
            this.mark = mark;
        }
    }

    private final PsychScalars scalars;
    private final Findings findings;
    private final Deque<Frame> open = new ArrayDeque<>();
    private YamlValue root;
    private boolean aliasSeen;

    /** @param findings where conversion problems go (the caller drops them if the parse fails later) */
    PsychTreeBuilder(PsychScalars scalars, Findings findings) {
        this.scalars = scalars;
        this.findings = findings;
    }

    /** How many collections are open. */
    int depth() {
        return open.size();
    }

    /** The document's value once its events are consumed; empty for a stream without a document. */
    Optional<YamlValue> root() {
        return Optional.ofNullable(root);
    }

    void scalar(String tag, String text, boolean plain, Mark mark) {
        YamlValue value;
        if (tag == null) {
            value = plain ? tokenize(text, mark) : new YamlValue.Str(text, mark, true);
        } else if (tag.equals("!")) {
            value = tokenize(text, mark);
        } else {
            value = taggedScalar(tag, text, plain, mark);
        }
        add(new Node(value, tag, Kind.SCALAR));
    }

    void alias(String anchor, Mark mark) {
        if (!aliasSeen) {
            aliasSeen = true;
            findings.error(DiagnosticCode.YAML_ALIAS, mark,
                    "The alias *" + anchor + " is refused: the agent reads the AppSpec with Ruby's YAML.load, which on "
                            + "Ruby 3.1 and later does not accept aliases (older Ruby versions do).",
                    AppSpecAgentErrors.aliasesNotEnabled(),
                    "Write the value of &" + anchor + " out in full here instead of *" + anchor + ".");
        }
        add(new Node(new YamlValue.Null(mark, "*" + anchor), null, Kind.ALIAS));
    }

    void startSequence(String tag, Mark mark) {
        if (tag != null) {
            apply(PsychTags.sequence(tag), tag, mark);
        }
        open.push(new Frame(false, tag, mark));
    }

    void startMapping(String tag, Mark mark) {
        if (tag != null) {
            apply(PsychTags.mapping(tag), tag, mark);
        }
        open.push(new Frame(true, tag, mark));
    }

    /** Closes the innermost open collection. */
    void end() {
        Frame frame = open.pop();
        if (frame.mapping) {
            add(new Node(new YamlValue.Map(revive(frame.children), frame.mark), frame.tag, Kind.MAPPING));
        } else {
            List<YamlValue> items = frame.children.stream().map(Node::value).toList();
            add(new Node(new YamlValue.Seq(items, frame.mark), frame.tag, Kind.SEQUENCE));
        }
    }

    private void add(Node node) {
        if (open.isEmpty()) {
            root = node.value();
        } else {
            open.peek().children.add(node);
        }
    }

    /** Psych's revive_hash: pairs in order, a {@code <<} key merging a mapping or a list of mappings. */
    private static List<YamlValue.Pair> revive(List<Node> children) {
        List<YamlValue.Pair> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < children.size(); i += 2) {
            Node key = children.get(i);
            Node value = children.get(i + 1);
            boolean mergeKey = key.value() instanceof YamlValue.Str s && s.value().equals(MERGE_KEY)
                    && !STR_TAG.equals(key.tag());
            if (mergeKey && merge(value, pairs)) {
                continue;
            }
            pairs.add(new YamlValue.Pair(key.value(), value.value()));
        }
        return pairs;
    }

    /** Appends what {@code hash.merge!} would add; false when Ruby falls back to a plain {@code <<} key. */
    private static boolean merge(Node value, List<YamlValue.Pair> into) {
        if (value.kind() == Kind.MAPPING || value.kind() == Kind.ALIAS) {
            if (value.value() instanceof YamlValue.Map m) {
                into.addAll(m.entries());
                return true;
            }
            return false;
        }
        if (value.kind() == Kind.SEQUENCE && value.value() instanceof YamlValue.Seq seq
                && seq.items().stream().allMatch(YamlValue.Map.class::isInstance)) {
            // h = {}; val.reverse_each { |v| h.merge! v }; hash.merge! h
            List<YamlValue.Pair> merged = new ArrayList<>();
            for (int i = seq.items().size() - 1; i >= 0; i--) {
                merged.addAll(((YamlValue.Map) seq.items().get(i)).entries());
            }
            into.addAll(new YamlValue.Map(merged, seq.mark()).entries());
            return true;
        }
        return false;
    }

    private YamlValue tokenize(String text, Mark mark) {
        return settle(scalars.tokenize(text, mark), text, mark);
    }

    private YamlValue taggedScalar(String tag, String text, boolean plain, Mark mark) {
        PsychTags.Reading reading = PsychTags.scalar(tag, text);
        if (reading instanceof PsychTags.Reading.Text) {
            return new YamlValue.Str(text, mark, !plain);
        }
        if (reading instanceof PsychTags.Reading.Symbol) {
            return new YamlValue.Sym(text, mark, text);
        }
        if (reading instanceof PsychTags.Reading.Binary) {
            return new YamlValue.Str(base64(text), mark, !plain);
        }
        if (reading instanceof PsychTags.Reading.Float) {
            return settle(toFloat(scalars.tokenize(text, mark), mark, text), text, mark);
        }
        apply(reading, tag, mark);
        return reading instanceof PsychTags.Reading.Untagged ? tokenize(text, mark) : new YamlValue.Str(text, mark, !plain);
    }

    /** Ruby's lenient {@code unpack('m')}: characters outside the alphabet are skipped. */
    private static String base64(String text) {
        String alphabet = text.replaceAll("[^A-Za-z0-9+/]", "");
        int rest = alphabet.length() % 4;
        if (rest == 1) {
            alphabet = alphabet.substring(0, alphabet.length() - 1); // a lone sextet carries no byte
        } else if (rest > 1) {
            alphabet = alphabet + "=".repeat(4 - rest);
        }
        return new String(Base64.getDecoder().decode(alphabet), StandardCharsets.UTF_8);
    }

    /** Kernel#Float applied to what tokenize returned ({@code !!float}). */
    private static PsychScalars.Result toFloat(PsychScalars.Result tokenized, Mark mark, String text) {
        if (!(tokenized instanceof PsychScalars.Result.Value v)) {
            return tokenized;
        }
        YamlValue value = v.value();
        if (value instanceof YamlValue.Float) {
            return tokenized;
        }
        if (value instanceof YamlValue.Int i) {
            return new PsychScalars.Result.Value(new YamlValue.Float(i.value().doubleValue(), mark, text));
        }
        if (value instanceof YamlValue.Str s) {
            return RubyNumbers.strictFloat(s.value())
                    .<PsychScalars.Result>map(d -> new PsychScalars.Result.Value(new YamlValue.Float(d, mark, text)))
                    .orElseGet(() -> new PsychScalars.Result.Broken(
                            "invalid value for Float(): " + RubyFormat.inspectString(s.value())));
        }
        String what = value instanceof YamlValue.Null ? "nil"
                : value instanceof YamlValue.Bool b ? Boolean.toString(b.value()) : value.rubyClass();
        return new PsychScalars.Result.Broken("can't convert " + what + " into Float");
    }

    /** The value of a scalar result; a refusal or a Ruby error becomes a finding and a String placeholder. */
    private YamlValue settle(PsychScalars.Result result, String text, Mark mark) {
        if (result instanceof PsychScalars.Result.Value v) {
            return v.value();
        }
        if (result instanceof PsychScalars.Result.Refused r) {
            String what = r.rubyClass().equals("Date") ? "date" : r.rubyClass().equals("Time") ? "timestamp" : null;
            String message = what != null
                    ? "The unquoted " + what + " " + text + " is read as a Ruby " + r.rubyClass()
                    + ", a type the agent's YAML loader (Ruby 3.1 and later) refuses to load."
                    : "The value " + text + " is read as a Ruby " + r.rubyClass()
                    + ", a type the agent's YAML loader refuses to load.";
            findings.error(DiagnosticCode.YAML_UNSUPPORTED_TYPE, mark, message,
                    AppSpecAgentErrors.disallowedClass(r.rubyClass()), "Quote it: \"" + text + "\"");
        } else if (result instanceof PsychScalars.Result.Broken b) {
            findings.error(DiagnosticCode.YAML_UNSUPPORTED_TYPE, mark,
                    "The agent's YAML loader reads " + text + " as a number but Ruby cannot convert it, so loading fails.",
                    b.rubyError(), "Quote it: \"" + text + "\"");
        }
        return new YamlValue.Str(text, mark, false);
    }

    /** Records what a tag costs: nothing, a warning (Psych ignores it) or an error. */
    private void apply(PsychTags.Reading reading, String tag, Mark mark) {
        if (reading instanceof PsychTags.Reading.Untagged u && u.ignored()) {
            findings.warning(DiagnosticCode.YAML_UNSUPPORTED_TYPE, mark,
                    "The agent's YAML loader ignores the tag " + tag + " and reads the value as if it had none; "
                            + "hooklab does the same and never builds objects from tags.",
                    "Remove the tag " + tag + ".");
        } else if (reading instanceof PsychTags.Reading.Refused r) {
            findings.error(DiagnosticCode.YAML_UNSUPPORTED_TYPE, mark,
                    "The tag " + tag + " makes the agent's YAML loader ask for the Ruby class " + r.rubyClass()
                            + ", which it refuses to load.",
                    AppSpecAgentErrors.disallowedClass(r.rubyClass()), "Remove the tag " + tag + ".");
        } else if (reading instanceof PsychTags.Reading.Unmodelled) {
            findings.error(DiagnosticCode.YAML_UNSUPPORTED_TYPE, mark,
                    "The tag " + tag + " makes the agent's YAML loader build a special Ruby object; hooklab does not "
                            + "model what the agent then does with it.",
                    null, "Remove the tag " + tag + ".");
        }
    }
}
