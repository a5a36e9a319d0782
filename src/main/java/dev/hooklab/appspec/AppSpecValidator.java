package dev.hooklab.appspec;

import dev.hooklab.finding.DiagnosticCode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The agent's ApplicationSpecification constructor on the loaded YAML, in its order: empty, version,
 * os, hooks, files, permissions, file_exists_behavior. Where the agent stops at its first error, this
 * reports every independent one in that order; the AppSpec is built from whatever is readable.
 */
final class AppSpecValidator {
    private static final Set<String> FILE_EXISTS_BEHAVIORS = Set.of("DISALLOW", "OVERWRITE", "RETAIN");

    private final TargetOs agentOs;
    private final Findings findings;

    AppSpecValidator(TargetOs agentOs, Findings findings) {
        this.agentOs = agentOs;
        this.findings = findings;
    }

    AppSpec validate(YamlValue root) {
        if (!RubyCalls.truthy(root)) {
            findings.error(DiagnosticCode.APPSPEC_EMPTY, new Mark(1, 1),
                    "The AppSpec file is empty" + (root instanceof YamlValue.Bool ? " (its only value is false)" : "")
                            + ".",
                    AppSpecAgentErrors.empty(), "Start the file with:\nversion: 0.0\nos: " + agentOs.label());
            return AppSpec.empty();
        }
        if (!(root instanceof YamlValue.Map top)) {
            notAMapping(root);
            return AppSpec.empty();
        }
        version(top);
        String os = os(top);
        HooksSection.Hooks hooks = new HooksSection(findings).read(top.get("hooks").orElse(null));
        List<FileMapping> files = new FilesSection(findings).read(top.get("files").orElse(null));
        List<PermissionRule> permissions = new PermissionsSection(findings, agentOs).read(top.get("permissions").orElse(null));
        String fileExistsBehavior = fileExistsBehavior(top);
        return new AppSpec(os, hooks.scripts(), hooks.marks(), files, permissions, fileExistsBehavior);
    }

    /**
     * A document that is not a mapping: a string answers {@code ['version']} with nil (or "version"),
     * so the agent reports the version; a list or an Integer raise TypeError, others NoMethodError.
     * Everything after that is a consequence, so this is the only finding.
     */
    private void notAMapping(YamlValue root) {
        RubyCalls.Outcome<YamlValue> version = RubyCalls.index(root, "version");
        String agentMessage = version.failed() ? version.error()
                : AppSpecAgentErrors.invalidVersion(RubyCalls.toS(version.value()));
        findings.error(DiagnosticCode.APPSPEC_STRUCTURE, root.mark(),
                "The AppSpec must be a mapping of keys such as version: and os:; this file is " + Wording.describe(root)
                        + (version.failed() ? ", on which the agent crashes." : ", so the agent finds no valid version in it."),
                agentMessage, "Write the AppSpec as key: value lines, starting with:\nversion: 0.0\nos: " + agentOs.label());
    }

    /** {@code [0.0].include?(version)}: the Float 0.0 or anything numerically equal (0, 0.00, -0.0). */
    private void version(YamlValue.Map top) {
        YamlValue.Pair pair = top.pair("version").orElse(null);
        YamlValue value = pair == null ? null : pair.value();
        if (value instanceof YamlValue.Float f && f.value() == 0.0
                || value instanceof YamlValue.Int i && i.value().signum() == 0) {
            return;
        }
        String message;
        if (pair == null) {
            message = "The AppSpec has no version" + caseHint(top, "version") + ".";
        } else if (value instanceof YamlValue.Str s && s.quoted() && s.value().strip().equals("0.0")) {
            message = "version is the quoted text \"0.0\"; the agent compares it with the number 0.0, so the quotes make "
                    + "it fail (the message then confusingly shows 0.0).";
        } else {
            message = "version must be 0.0; here it is " + Wording.describe(value) + ".";
        }
        findings.error(DiagnosticCode.VERSION_INVALID, where(top, pair), message,
                AppSpecAgentErrors.invalidVersion(RubyCalls.toS(value)), "version: 0.0 (unquoted)");
    }

    /** {@code supported_oses.include?(os)}: exactly the agent platform's word. */
    private String os(YamlValue.Map top) {
        YamlValue.Pair pair = top.pair("os").orElse(null);
        YamlValue value = pair == null ? null : pair.value();
        String expected = agentOs.label();
        if (value instanceof YamlValue.Str s && s.value().equals(expected)) {
            return expected;
        }
        String text = RubyCalls.toS(value);
        String message;
        if (pair == null) {
            message = "The AppSpec has no os" + caseHint(top, "os") + ".";
        } else if (value instanceof YamlValue.Str && isOtherPlatform(text)) {
            message = "os: " + text + " is accepted only by agents on " + platformName(text) + "; this agent runs on "
                    + platformName(expected) + ". Each agent accepts only its own platform's word.";
        } else if (value instanceof YamlValue.Str && text.equalsIgnoreCase(expected)) {
            message = "os is case-sensitive: write " + expected + ", not " + text + ".";
        } else {
            message = "os must be " + expected + " for this agent; here it is " + Wording.describe(value) + ".";
        }
        findings.error(DiagnosticCode.OS_UNSUPPORTED, where(top, pair), message, AppSpecAgentErrors.unsupportedOs(text),
                "os: " + expected);
        return pair == null || RubyCalls.isNil(value) ? null : text;
    }

    /** Absent or exactly DISALLOW, OVERWRITE or RETAIN (a String, case-sensitive). */
    private String fileExistsBehavior(YamlValue.Map top) {
        YamlValue value = top.get("file_exists_behavior").orElse(null);
        if (RubyCalls.isNil(value)) {
            return null;
        }
        if (value instanceof YamlValue.Str s && FILE_EXISTS_BEHAVIORS.contains(s.value())) {
            return s.value();
        }
        String text = value.rubyString();
        boolean caseOnly = value instanceof YamlValue.Str && FILE_EXISTS_BEHAVIORS.contains(text.toUpperCase(Locale.ROOT));
        findings.error(DiagnosticCode.FILE_EXISTS_BEHAVIOR_INVALID, value.mark(),
                caseOnly ? "file_exists_behavior is case-sensitive in the AppSpec: write " + text.toUpperCase(Locale.ROOT) + "."
                        : "file_exists_behavior must be DISALLOW, OVERWRITE or RETAIN; here it is " + Wording.describe(value) + ".",
                AppSpecAgentErrors.invalidFileExistsBehavior(text),
                caseOnly ? "file_exists_behavior: " + text.toUpperCase(Locale.ROOT)
                        : "file_exists_behavior: OVERWRITE (or DISALLOW, RETAIN)");
        return null;
    }

    /** The value; the key when the value is empty; the document start when the key is absent. */
    private static Mark where(YamlValue.Map top, YamlValue.Pair pair) {
        if (pair == null) {
            return top.mark();
        }
        return RubyCalls.isNil(pair.value()) ? pair.key().mark() : pair.value().mark();
    }

    private static String caseHint(YamlValue.Map top, String key) {
        return top.pairs().stream().map(p -> RubyCalls.toS(p.key()))
                .filter(k -> !k.equals(key) && k.equalsIgnoreCase(key)).findFirst()
                .map(k -> " key (keys are case-sensitive: " + k + " is not " + key + ")").orElse(" key");
    }

    private boolean isOtherPlatform(String os) {
        for (TargetOs t : TargetOs.values()) {
            if (t != agentOs && t.label().equals(os)) {
                return true;
            }
        }
        return false;
    }

    private static String platformName(String label) {
        return label.equals("windows") ? "Windows" : "Linux";
    }
}
