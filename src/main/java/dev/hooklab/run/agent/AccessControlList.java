package dev.hooklab.run.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The {@code acls} of one permissions entry as the agent's AclInfo holds them, and the full ACL its
 * ChangeAclCommand hands to {@code setfacl --set}: the entries as written, then base entries for owner,
 * group and other from the file's current mode, a mask when there are named entries, and the missing
 * default base entries and default mask when there are default entries.
 *
 * <p>The agent keeps one AclInfo per permissions entry and its {@code clear_additional} assigns a local
 * variable instead of clearing the added entries, so they pile up: the second target of the same entry
 * gets the first target's added entries followed by its own. This class does the same.
 */
final class AccessControlList {
    private final List<AccessControlEntry> aces = new ArrayList<>();
    private final List<AccessControlEntry> additional = new ArrayList<>();

    /** @param written the entries of the AppSpec's {@code acls}, as accepted by the parser */
    AccessControlList(List<String> written) {
        written.forEach(ace -> aces.add(AccessControlEntry.parse(ace)));
    }

    /** {@code get_acl}: what install.json lists (written before any target's full ACL is built). */
    List<String> entries() {
        return all().map(AccessControlEntry::text).toList();
    }

    /**
     * {@code get_full_acl} then {@code get_acl.join(",")} for a file with this mode (only the last three
     * octal digits count); the added entries stay for the next target, as in the agent.
     */
    String complete(int mode) {
        char owner = digit(mode >> 6);
        char group = digit(mode >> 3);
        char other = digit(mode);
        add(":" + owner);
        add("g::" + group);
        add("o::" + other);
        if (any(a -> !a.isDefault() && !a.name().isEmpty()) && !any(a -> !a.isDefault() && a.type().equals("mask"))) {
            add("m::" + group);
        }
        if (any(AccessControlEntry::isDefault)) {
            if (!any(a -> a.isDefault() && a.type().equals("user") && a.name().isEmpty())) {
                add("d::" + owner);
            }
            if (defaultGroup() == null) {
                add("d:g::" + group);
            }
            if (!any(a -> a.isDefault() && a.type().equals("other"))) {
                add("d:o:" + other);
            }
            if (any(a -> a.isDefault() && !a.name().isEmpty()) && !any(a -> a.isDefault() && a.type().equals("mask"))) {
                add(defaultGroup().text().replaceFirst("group:", "mask"));
            }
        }
        return String.join(",", entries());
    }

    private AccessControlEntry defaultGroup() {
        return all().filter(a -> a.isDefault() && a.type().equals("group") && a.name().isEmpty()).findFirst()
                .orElse(null);
    }

    private boolean any(Predicate<AccessControlEntry> test) {
        return all().anyMatch(test);
    }

    private Stream<AccessControlEntry> all() {
        return Stream.concat(aces.stream(), additional.stream());
    }

    private void add(String ace) {
        additional.add(AccessControlEntry.parse(ace));
    }

    private static char digit(int bits) {
        return (char) ('0' + (bits & 7));
    }
}
