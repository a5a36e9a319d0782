package dev.hooklab.appspec;

import java.util.List;

/**
 * One entry of the permissions section as the agent reads it.
 *
 * @param object  {@code object.to_s.strip}
 * @param pattern "**" when absent
 * @param except  the except globs
 * @param types   "file" and/or "directory" (both when absent)
 * @param owner   owner name or null
 * @param group   group name or null
 * @param mode    the mode string the agent applies (padded to 3 digits), or null
 * @param acls    the ACL entries as written, or empty
 * @param context the SELinux context, or null
 * @param mark    where the list item starts
 */
public record PermissionRule(String object, String pattern, List<String> except, List<String> types, String owner,
                             String group, String mode, List<String> acls, SeContext context, Mark mark) {

    public PermissionRule {
        except = List.copyOf(except);
        types = List.copyOf(types);
        acls = List.copyOf(acls);
    }

    /** @param name SELinux user (read from key {@code name}), @param type SELinux type, @param range MLS range or null */
    public record SeContext(String name, String type, String range) {
    }
}
