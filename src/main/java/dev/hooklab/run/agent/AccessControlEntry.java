package dev.hooklab.run.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One ACL entry as the agent's AceInfo reads it ({@code [d[efault]:][u[ser]|g[roup]|m[ask]|o[ther]]:[name]:perm},
 * split on {@code :} and read from the right) and writes it back: {@code [default:]<type>:<name>:rwx}.
 *
 * @param isDefault a default entry (directories only)
 * @param type      user, group, mask or other
 * @param name      the user or group name, "" for a base entry
 */
record AccessControlEntry(boolean isDefault, String type, String name, boolean read, boolean write,
                          boolean execute) {
    private static final Set<String> DEFAULT = Set.of("d", "default");
    private static final Set<String> MASK = Set.of("m", "mask");
    private static final Set<String> OTHER = Set.of("o", "other");

    /**
     * Reads an entry the AppSpec parser accepted, or one the agent adds itself (base entries without a name).
     *
     * @throws IllegalArgumentException for an entry the agent would reject as malformed
     */
    static AccessControlEntry parse(String ace) {
        List<String> parts = new ArrayList<>(List.of(ace.split(":", -1)));
        Collections.reverse(parts);
        if (parts.size() < 2 || parts.size() > 4) {
            throw invalid(ace);
        }
        boolean isDefault = false;
        String type = null;
        String name = "";
        if (parts.size() == 4) {
            if (!DEFAULT.contains(parts.get(3))) {
                throw invalid(ace);
            }
            isDefault = true;
        }
        if (parts.size() >= 3) {
            String kind = parts.get(2);
            if (DEFAULT.contains(kind) && !isDefault) {
                isDefault = true;
            } else {
                type = typeOf(kind, ace);
            }
        }
        String second = parts.get(1);
        if (MASK.contains(second) || OTHER.contains(second)) {
            String word = MASK.contains(second) ? "mask" : "other";
            if (type == null) {
                type = word;
            } else {
                name = word;
            }
        } else {
            type = type == null ? "user" : type;
            name = second;
        }
        if ((type.equals("mask") || type.equals("other")) && !name.isEmpty()) {
            throw invalid(ace);
        }
        return withPermissions(isDefault, type, name, parts.get(0), ace);
    }

    /** {@code get_ace}. */
    String text() {
        return (isDefault ? "default:" : "") + type + ":" + name + ":" + (read ? "r" : "-") + (write ? "w" : "-")
                + (execute ? "x" : "-");
    }

    private static String typeOf(String kind, String ace) {
        return switch (kind) {
            case "m", "mask" -> "mask";
            case "o", "other" -> "other";
            case "g", "group" -> "group";
            case "u", "user" -> "user";
            default -> throw invalid(ace);
        };
    }

    private static AccessControlEntry withPermissions(boolean isDefault, String type, String name, String perm,
                                                      String ace) {
        if (perm.length() == 1 && perm.charAt(0) >= '0' && perm.charAt(0) <= '7') {
            int bits = perm.charAt(0) - '0';
            return new AccessControlEntry(isDefault, type, name, (bits & 4) != 0, (bits & 2) != 0, (bits & 1) != 0);
        }
        boolean r = false;
        boolean w = false;
        boolean x = false;
        for (char c : perm.toCharArray()) {
            switch (c) {
                case 'r' -> r = true;
                case 'w' -> w = true;
                case 'x' -> x = true;
                case '-' -> {
                }
                default -> throw invalid(ace);
            }
        }
        return new AccessControlEntry(isDefault, type, name, r, w, x);
    }

    private static IllegalArgumentException invalid(String ace) {
        return new IllegalArgumentException("not an ACL entry the agent accepts: " + ace);
    }
}
