package dev.hooklab.appspec;

import dev.hooklab.finding.DiagnosticCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's {@code parse_permissions} and LinuxPermissionInfo. Per entry, in the agent's order:
 * a non-null {@code object}; Linux only; then the arguments are evaluated (pattern, except, type,
 * owner, group, mode, acls, context) and only then is the stripped object checked for emptiness.
 */
final class PermissionsSection {
    private static final List<String> TYPES = List.of("file", "directory");

    private final Findings findings;
    private final TargetOs agentOs;

    PermissionsSection(Findings findings, TargetOs agentOs) {
        this.findings = findings;
        this.agentOs = agentOs;
    }

    /** @param permissions the value of {@code permissions} (nil and false mean none, as {@code || []} does) */
    List<PermissionRule> read(YamlValue permissions) {
        List<PermissionRule> rules = new ArrayList<>();
        if (!RubyCalls.truthy(permissions)) {
            return rules;
        }
        if (permissions instanceof YamlValue.Map m) {
            if (!m.pairs().isEmpty()) {
                findings.error(DiagnosticCode.APPSPEC_STRUCTURE, permissions.mark(),
                        "permissions holds a single mapping; it must be a list of entries, each starting with '- '. "
                                + "The agent crashes on it.",
                        RubyCalls.noMethod("has_key?", new YamlValue.Seq(List.of(), permissions.mark())),
                        "Put '- ' in front of object: (and indent the entry's other keys to match).");
            }
            return rules;
        }
        RubyCalls.Outcome<List<YamlValue>> entries = RubyCalls.each(permissions);
        if (entries.failed()) {
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, permissions.mark(),
                    "permissions must be a list of entries; here it is " + Wording.describe(permissions)
                            + ". The agent crashes on it.",
                    entries.error(), "permissions:\n  - object: /var/www/html\n    mode: \"644\"");
            return rules;
        }
        boolean windowsReported = false;
        for (YamlValue entry : entries.value()) {
            RubyCalls.Outcome<Boolean> hasObject = RubyCalls.hasKey(entry, "object");
            if (hasObject.failed()) {
                findings.error(DiagnosticCode.APPSPEC_STRUCTURE, entry.mark(),
                        "Each permissions entry must be a mapping with object; here it is " + Wording.describe(entry)
                                + ". The agent crashes on it.",
                        hasObject.error(), "- object: /var/www/html");
                continue;
            }
            YamlValue.Map map = (YamlValue.Map) entry;
            YamlValue object = map.get("object").orElse(null);
            if (RubyCalls.isNil(object)) {
                findings.error(DiagnosticCode.PERMISSION_OBJECT_MISSING, map.pair("object").map(p -> p.key().mark()).orElse(map.mark()),
                        "This permissions entry has no object.", AppSpecAgentErrors.permissionWithoutObject(),
                        "Add object: <absolute path on the instance>.");
            }
            if (agentOs != TargetOs.LINUX) {
                if (!windowsReported && !RubyCalls.isNil(object)) {
                    windowsReported = true;
                    findings.error(DiagnosticCode.PERMISSIONS_ON_WINDOWS, map.mark(),
                            "The permissions section is supported only on Linux instances; this agent runs on Windows.",
                            AppSpecAgentErrors.permissionsOnWindows(), "Remove the permissions section.");
                }
                continue;
            }
            PermissionRule rule = readLinuxEntry(map, object);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** The agent's LinuxPermissionInfo arguments, then the object check; null when there is no object. */
    private PermissionRule readLinuxEntry(YamlValue.Map entry, YamlValue object) {
        YamlValue pattern = entry.get("pattern").orElse(null);
        String patternText = RubyCalls.isNil(pattern) ? "**" : pattern.rubyString();
        List<String> except = strings(entry.get("except").orElse(null), "except");
        List<String> types = types(entry.get("type").orElse(null));
        String owner = optionalText(entry.get("owner").orElse(null));
        String group = optionalText(entry.get("group").orElse(null));
        String mode = mode(entry.get("mode").orElse(null));
        List<String> acls = acls(entry.get("acls").orElse(null));
        PermissionRule.SeContext context = context(entry.get("context").orElse(null));
        if (RubyCalls.isNil(object)) {
            return null;
        }
        String objectText = RubyCalls.strip(object.rubyString());
        if (objectText.isEmpty()) {
            findings.error(DiagnosticCode.PERMISSION_OBJECT_MISSING, object.mark(),
                    "The object of this permissions entry is blank.", AppSpecAgentErrors.permissionWithoutObject(),
                    "Give the absolute path on the instance, e.g. object: /var/www/html");
            return null;
        }
        return new PermissionRule(objectText, patternText, except, types, owner, group, mode, acls, context, entry.mark());
    }

    /** {@code (list || []).each}: the items' {@code to_s}. */
    private List<String> strings(YamlValue list, String key) {
        List<String> result = new ArrayList<>();
        if (!RubyCalls.truthy(list)) {
            return result;
        }
        RubyCalls.Outcome<List<YamlValue>> items = RubyCalls.each(list);
        if (items.failed()) {
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, list.mark(),
                    key + " must be a list; here it is " + Wording.describe(list) + ". The agent crashes on it.",
                    items.error(), key + ":\n  - " + Wording.excerpt(list.rubyString()));
            return result;
        }
        items.value().forEach(v -> result.add(v.rubyString()));
        return result;
    }

    /** {@code type_list ||= ['file', 'directory']}; each item must be exactly one of those strings. */
    private List<String> types(YamlValue type) {
        if (!RubyCalls.truthy(type)) {
            return TYPES;
        }
        RubyCalls.Outcome<List<YamlValue>> items = RubyCalls.each(type);
        if (items.failed()) {
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, type.mark(),
                    "type must be a list; here it is " + Wording.describe(type) + ". The agent crashes on it.",
                    items.error(), "type:\n  - " + (type instanceof YamlValue.Str s ? s.value() : "file"));
            return TYPES;
        }
        List<String> result = new ArrayList<>();
        for (YamlValue item : items.value()) {
            if (item instanceof YamlValue.Str s && TYPES.contains(s.value())) {
                result.add(s.value());
            } else {
                findings.error(DiagnosticCode.PERMISSION_TYPE_INVALID, item.mark(),
                        "type lists the object types the entry applies to: file and/or directory; "
                                + Wording.describe(item) + " is not one of them.",
                        AppSpecAgentErrors.unsupportedPermissionType(item.rubyString()),
                        "Use type: [file], type: [directory], or leave type out for both.");
            }
        }
        return result;
    }

    /** ModeInfo on {@code mode.to_s}; the applied mode, or null when absent or rejected. */
    private String mode(YamlValue mode) {
        if (RubyCalls.isNil(mode)) {
            return null;
        }
        PermissionMode.Check check = PermissionMode.check(mode);
        if (check.accepted()) {
            return check.mode();
        }
        String octal = mode instanceof YamlValue.Int i && i.source() != null && i.source().matches("[-+]?0[0-7_]+")
                ? i.source() : null;
        String message;
        String fix;
        if (octal != null) {
            message = "YAML reads the unquoted " + octal + " as an octal number, so the agent sees the mode "
                    + check.mode() + ", which " + (check.badCharacter() != null
                    ? "contains \"" + check.badCharacter() + "\"" : "is too long") + ".";
            fix = "mode: \"" + octal + "\" (quoted), or drop the leading zero: mode: " + octal.replaceFirst("^([-+]?)0+", "$1");
        } else if (check.badCharacter() != null) {
            message = "mode must be octal digits (0-7); " + check.mode() + " contains \"" + check.badCharacter() + "\".";
            fix = "Write the mode as octal digits, e.g. mode: \"644\"";
        } else {
            message = "mode must be one to four octal digits; " + check.mode() + " is longer.";
            fix = "Write the mode as octal digits, e.g. mode: \"644\" or mode: \"4755\"";
        }
        findings.error(DiagnosticCode.PERMISSION_MODE_INVALID, mode.mark(), message, check.agentMessage(), fix);
        return null;
    }

    /** AclInfo: {@code acl.each { |ace| AceInfo.new(ace) }}; the accepted entries as written. */
    private List<String> acls(YamlValue acls) {
        List<String> result = new ArrayList<>();
        if (RubyCalls.isNil(acls)) {
            return result;
        }
        RubyCalls.Outcome<List<YamlValue>> items = RubyCalls.each(acls);
        if (items.failed()) {
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, acls.mark(),
                    "acls must be a list of entries; here it is " + Wording.describe(acls) + ". The agent crashes on it.",
                    items.error(), "acls:\n  - u:username:rwx");
            return result;
        }
        for (YamlValue item : items.value()) {
            if (!(item instanceof YamlValue.Str s)) {
                findings.error(DiagnosticCode.APPSPEC_STRUCTURE, item.mark(),
                        "Each acls entry must be text such as u:username:rwx; here it is " + Wording.describe(item)
                                + ". The agent crashes on it.",
                        RubyCalls.noMethod("split", item), "Quote the entry: \"" + Wording.excerpt(item.rubyString()) + "\"");
                continue;
            }
            AclEntry.Problem problem = AclEntry.check(s.value());
            if (problem == null) {
                result.add(s.value());
            } else {
                findings.error(DiagnosticCode.PERMISSION_ACL_INVALID, item.mark(), problem.explanation(),
                        problem.agentMessage(),
                        "Write entries as [d:]u:name:perm, [d:]g:name:perm, m::perm or d:o::perm, perm being rwx-letters or one octal digit; set the owner, group and other permissions with mode.");
            }
        }
        return result;
    }

    /** ContextInfo: {@code context['type']} must not be nil; {@code range} goes through RangeInfo. */
    private PermissionRule.SeContext context(YamlValue context) {
        if (RubyCalls.isNil(context)) {
            return null;
        }
        RubyCalls.Outcome<YamlValue> type = RubyCalls.index(context, "type");
        if (type.failed()) {
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, context.mark(),
                    "context must be a mapping with type (and optionally name and range); here it is "
                            + Wording.describe(context) + ". The agent crashes on it.",
                    type.error(), "context:\n  type: httpd_sys_content_t");
            return null;
        }
        YamlValue name = RubyCalls.index(context, "name").value();
        YamlValue range = RubyCalls.index(context, "range").value();
        boolean valid = true;
        if (RubyCalls.isNil(type.value())) {
            valid = false;
            boolean userKey = context instanceof YamlValue.Map m && m.has("user");
            findings.error(DiagnosticCode.PERMISSION_CONTEXT_INVALID, context.mark(),
                    "context has no type (the SELinux type, e.g. httpd_sys_content_t)"
                            + (userKey ? "; note that the agent reads the SELinux user from name, not user." : "."),
                    AppSpecAgentErrors.invalidContextType(context.rubyInspect()),
                    "Add type: <SELinux type> under context:.");
        }
        if (!RubyCalls.isNil(range) && !validRange(range)) {
            valid = false;
        }
        if (!valid) {
            return null;
        }
        return new PermissionRule.SeContext(optionalText(name), type.value().rubyString(),
                RubyCalls.isNil(range) ? null : range.rubyString());
    }

    private boolean validRange(YamlValue range) {
        if (!(range instanceof YamlValue.Str s)) {
            String call = range instanceof YamlValue.Seq || range instanceof YamlValue.Map ? "split" : "include?";
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, range.mark(),
                    "range must be text such as s0-s2:c0.c7; here it is " + Wording.describe(range)
                            + ". The agent crashes on it.",
                    RubyCalls.noMethod(call, range), "Quote the range: range: \"s0\"");
            return false;
        }
        String problem = SelinuxRange.check(s.value());
        if (problem != null) {
            findings.error(DiagnosticCode.PERMISSION_CONTEXT_INVALID, range.mark(),
                    "The SELinux range \"" + s.value() + "\" is not valid: it must read s<low>[-s<high>][:c<n>[.c<m>][,...]] "
                            + "with high >= low, categories from c0 to c1023, each at most once.",
                    problem, "e.g. range: s0 or range: s0-s2:c0.c7,c13");
            return false;
        }
        return true;
    }

    private static String optionalText(YamlValue v) {
        return RubyCalls.isNil(v) ? null : v.rubyString();
    }
}
