package dev.hooklab.appspec;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The agent's AceInfo check of one {@code acls} entry:
 * {@code [d[efault]:][u[ser]|g[roup]|m[ask]|o[ther]]:[name]:perm}, split on {@code :} into two to
 * four parts read from the right; mask and other take no name; a non-default user/group/other entry
 * without a name is a base entry the agent refuses (use mode); perm is one octal digit or letters
 * from {@code rwx-}.
 */
final class AclEntry {
    private static final Set<String> DEFAULT = Set.of("d", "default");
    private static final Set<String> MASK = Set.of("m", "mask");
    private static final Set<String> OTHER = Set.of("o", "other");
    private static final Set<String> GROUP = Set.of("g", "group");
    private static final Set<String> USER = Set.of("u", "user");

    /** What is wrong with an entry: the agent's text and our explanation. */
    record Problem(String agentMessage, String explanation) {
    }

    private AclEntry() {
    }

    /** The problem the agent finds in {@code ace}, or null when it accepts it. */
    static Problem check(String ace) {
        List<String> parts = RubyCalls.split(ace, ":", -1);
        Collections.reverse(parts);
        if (parts.size() < 2 || parts.size() > 4) {
            return invalid(ace, "it has " + parts.size() + " colon-separated parts; the agent accepts two to four");
        }
        boolean isDefault = false;
        String type = null;
        String name = "";
        if (parts.size() == 4) {
            if (!DEFAULT.contains(parts.get(3))) {
                return invalid(ace, "with four parts the first must be d or default");
            }
            isDefault = true;
        }
        if (parts.size() >= 3) {
            String kind = parts.get(2);
            if (DEFAULT.contains(kind)) {
                if (isDefault) {
                    return invalid(ace, "default is given twice");
                }
                isDefault = true;
            } else if (MASK.contains(kind)) {
                type = "mask";
            } else if (OTHER.contains(kind)) {
                type = "other";
            } else if (GROUP.contains(kind)) {
                type = "group";
            } else if (USER.contains(kind)) {
                type = "user";
            } else {
                return invalid(ace, kind + " is not u[ser], g[roup], m[ask], o[ther] or d[efault]");
            }
        }
        String second = parts.get(1);
        if (MASK.contains(second) || OTHER.contains(second)) {
            if (type == null) {
                type = MASK.contains(second) ? "mask" : "other";
            } else {
                name = MASK.contains(second) ? "mask" : "other";
            }
        } else {
            if (type == null) {
                type = "user";
            }
            name = second;
        }
        if ((type.equals("mask") || type.equals("other")) && !name.isEmpty()) {
            return invalid(ace, type + " entries take no name");
        }
        if (!isDefault && !type.equals("mask") && name.isEmpty()) {
            return new Problem(AppSpecAgentErrors.baseAce(ace), "The ACL entry " + ace + " is a base " + type
                    + " entry (no name); the agent requires mode for the owner, group and other permissions.");
        }
        return checkPermissions(ace, parts.get(0));
    }

    private static Problem checkPermissions(String ace, String perm) {
        if (perm.length() == 1 && perm.charAt(0) >= '0' && perm.charAt(0) <= '7') {
            return null;
        }
        int i = 0;
        while (i < perm.length()) {
            int c = perm.codePointAt(i);
            if (c != 'r' && c != 'w' && c != 'x' && c != '-') {
                String bad = new String(Character.toChars(c));
                return new Problem(AppSpecAgentErrors.aceCharacter(ace, bad), "The permissions of ACL entry " + ace
                        + " must be one octal digit or letters from rwx-; \"" + bad + "\" is neither.");
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static Problem invalid(String ace, String why) {
        return new Problem(AppSpecAgentErrors.invalidAce(ace), "The ACL entry " + ace + " is not valid: " + why + ".");
    }
}
