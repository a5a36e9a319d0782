package dev.hooklab.appspec;

/** How hooklab's own messages name a YAML value ("a list", "the text \"s.sh\""). */
final class Wording {
    private static final int MAX_EXCERPT = 60;

    private Wording() {
    }

    static String describe(YamlValue v) {
        if (RubyCalls.isNil(v)) {
            return "empty";
        }
        if (v instanceof YamlValue.Seq) {
            return "a list";
        }
        if (v instanceof YamlValue.Map) {
            return "a mapping";
        }
        if (v instanceof YamlValue.Bool b) {
            return "the boolean " + b.value();
        }
        if (v instanceof YamlValue.Int || v instanceof YamlValue.Float) {
            return "the number " + excerpt(v.source() != null ? v.source() : v.rubyString());
        }
        if (v instanceof YamlValue.Sym s) {
            return "the Ruby symbol " + excerpt(s.rubyInspect());
        }
        return "the text \"" + excerpt(v.rubyString()) + "\"";
    }

    /** The text, shortened to a readable length. */
    static String excerpt(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT - 3) + "...";
    }
}
