package dev.hooklab.diagnose.rules;

import dev.hooklab.appspec.Mark;
import dev.hooklab.appspec.YamlValue;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.plan.Lifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the agent silently ignores or silently changes: unknown keys, repeated keys, and unquoted
 * leading-zero modes that YAML turns into other numbers.
 */
final class KeyRules implements Rule {
    private static final List<String> TOP = List.of("version", "os", "hooks", "files", "permissions",
            "file_exists_behavior");
    private static final List<String> SCRIPT = List.of("location", "timeout", "runas", "sudo");
    private static final List<String> FILE = List.of("source", "destination");
    private static final List<String> PERMISSION = List.of("object", "pattern", "except", "type", "owner", "group",
            "mode", "acls", "context");
    private static final List<String> CONTEXT = List.of("name", "type", "range");

    /** Keys people write that the agent does not know, with what to write instead. */
    private static final Map<String, String> KNOWN_MISTAKES = Map.of(
            "overwrite", "the agent has no overwrite key: write file_exists_behavior: OVERWRITE at the top level",
            "mode", "the agent sets modes only through the permissions section",
            "owner", "the agent sets owners only through the permissions section",
            "group", "the agent sets groups only through the permissions section",
            "file_exists_behavior", "file_exists_behavior is read only at the top level of the AppSpec",
            "Resources", "Resources belongs to ECS and Lambda AppSpecs; the EC2/on-premises agent ignores it",
            "user", "the agent reads the SELinux user from the key name, not user",
            "file_mode", "the agent has no file_mode key: set modes in the permissions section");

    @Override
    public void check(RevisionFacts facts, Consumer<Diagnostic> sink) {
        Optional<YamlValue> root = facts.appspec().root();
        if (root.isPresent() && root.get() instanceof YamlValue.Map top) {
            new Pass(facts.appspecFile(), sink).run(top);
        }
    }

    /** One walk over one document. */
    private static final class Pass {
        private final String file;
        private final Consumer<Diagnostic> out;

        Pass(String file, Consumer<Diagnostic> out) {
            this.file = file;
            this.out = out;
        }

        void run(YamlValue.Map top) {
            duplicates(top);
            unknownKeys(top, TOP, "the top level");
            section(top, "hooks").ifPresent(hooks -> {
                if (hooks instanceof YamlValue.Map events) {
                    for (YamlValue.Pair event : events.pairs()) {
                        if (event.value() instanceof YamlValue.Seq scripts) {
                            for (YamlValue item : scripts.items()) {
                                if (item instanceof YamlValue.Map script) {
                                    unknownKeys(script, SCRIPT, "a hook script");
                                }
                            }
                        }
                    }
                }
            });
            section(top, "files").ifPresent(files -> eachMap(files, m -> unknownKeys(m, FILE, "a files entry")));
            section(top, "permissions").ifPresent(perms -> eachMap(perms, m -> {
                unknownKeys(m, PERMISSION, "a permissions entry");
                m.get("context").filter(c -> c instanceof YamlValue.Map)
                        .ifPresent(c -> unknownKeys((YamlValue.Map) c, CONTEXT, "a context"));
                m.pair("mode").ifPresent(p -> octalMode(p.value()));
            }));
        }

        private static Optional<YamlValue> section(YamlValue.Map top, String key) {
            return top.get(key);
        }

        private static void eachMap(YamlValue list, Consumer<YamlValue.Map> action) {
            if (list instanceof YamlValue.Seq seq) {
                for (YamlValue item : seq.items()) {
                    if (item instanceof YamlValue.Map m) {
                        action.accept(m);
                    }
                }
            }
        }

        private void unknownKeys(YamlValue.Map map, List<String> known, String where) {
            for (YamlValue.Pair pair : map.pairs()) {
                String key = pair.key().rubyString();
                if (known.contains(key)) {
                    continue;
                }
                Optional<String> nearest = NearestName.among(key, known, Math.max(2, key.length() / 3));
                String mistake = KNOWN_MISTAKES.get(key);
                if (mistake != null && key.equals("file_exists_behavior") && known == TOP) {
                    continue;
                }
                String message;
                String fix;
                Optional<String> event = known == TOP ? NearestName.among(key, Lifecycle.HOOK_EVENTS, 2) : Optional.empty();
                if (event.isPresent()) {
                    message = "'" + key + "' is a lifecycle event written at the top level, not under hooks: the agent "
                            + "ignores it and its scripts never run.";
                    fix = "Indent " + key + " under hooks:" + (event.get().equals(key) ? "" : " and name it " + event.get())
                            + ".";
                } else if (key.equals("Hooks") && pair.value() instanceof YamlValue.Seq) {
                    message = "'Hooks' written as a list is the ECS/Lambda AppSpec form; the EC2/on-premises agent reads "
                            + "only the lower-case key hooks, a mapping of event names to script lists, and ignores this.";
                    fix = "For EC2/on-premises write hooks: with event names as keys and lists of {location: ...} under them.";
                } else if (mistake != null) {
                    message = "The agent ignores '" + key + "' in " + where + ": " + mistake + ".";
                    fix = nearest.map(n -> "Write " + n + " instead of " + key + ".").orElse("Remove '" + key + "'.");
                    if (key.equals("overwrite") || key.equals("file_exists_behavior")) {
                        fix = "Remove it here and write file_exists_behavior: OVERWRITE (or RETAIN) at the top level.";
                    } else if (known == FILE && PERMISSION.contains(key)) {
                        fix = "Move " + key + " to a permissions entry whose object is the installed path.";
                    }
                } else {
                    message = "The agent ignores the key '" + key + "' in " + where + " (keys are case-sensitive)"
                            + nearest.map(n -> "; did you mean '" + n + "'?").orElse(".");
                    fix = nearest.map(n -> "Write " + n + " instead of " + key + ".")
                            .orElse("Remove '" + key + "'; known keys here: " + String.join(", ", known) + ".");
                }
                out.accept(at(Diagnostic.warning(DiagnosticCode.UNKNOWN_KEY, message).withFix(fix), pair.key().mark()));
            }
        }

        private void duplicates(YamlValue value) {
            if (value instanceof YamlValue.Map map) {
                Map<String, YamlValue.Pair> seen = new HashMap<>();
                for (YamlValue.Pair pair : map.pairs()) {
                    String key = pair.key().rubyInspect();
                    YamlValue.Pair earlier = seen.put(key, pair);
                    if (earlier != null) {
                        out.accept(at(Diagnostic.warning(DiagnosticCode.DUPLICATE_KEY,
                                        "The key " + pair.key().rubyString() + " appears again at line "
                                                + pair.key().mark().line() + "; YAML keeps only the last value, so this "
                                                + "one is silently lost.")
                                .withFix("Merge the two " + pair.key().rubyString() + " entries into one."),
                                earlier.key().mark()));
                    }
                    duplicates(pair.value());
                }
            } else if (value instanceof YamlValue.Seq seq) {
                seq.items().forEach(this::duplicates);
            }
        }

        private void octalMode(YamlValue mode) {
            if (!(mode instanceof YamlValue.Int i) || i.source() == null || !i.source().matches("0[0-7]+")) {
                return;
            }
            String applied = i.value().toString();
            while (applied.length() < 3) {
                applied = "0" + applied;
            }
            if (applied.length() > 4 || !applied.matches("[0-7]+")) {
                return; // the agent rejects it: the AppSpec error already says so
            }
            String written = i.source();
            String meant = written.replaceFirst("^0+(?=[0-7]{3})", "");
            out.accept(at(Diagnostic.warning(DiagnosticCode.MODE_OCTAL,
                            "YAML 1.1 reads the unquoted mode " + written + " as the octal number " + i.value()
                                    + ", so agent 1.x applies mode " + applied + " (" + symbolic(applied) + ") instead of "
                                    + meant + " (" + symbolic(meant) + "); agent 2.x reads it as the text " + written + ".")
                    .withFix("mode: \"" + written + "\" (quoted) or mode: " + meant), i.mark()));
        }

        private Diagnostic at(Diagnostic d, Mark mark) {
            return d.at(file, mark.line(), mark.column());
        }
    }

    /** ls-style permission string for a 3 or 4 digit octal mode. */
    static String symbolic(String octal) {
        int bits = Integer.parseInt(octal, 8);
        StringBuilder b = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int k = 8; k >= 0; k--) {
            b.append((bits & (1 << k)) != 0 ? rwx.charAt(8 - k) : '-');
        }
        return b.toString();
    }
}
