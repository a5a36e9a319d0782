package dev.hooklab.run.agent;

import dev.hooklab.appspec.PermissionRule;
import dev.hooklab.plan.InstallPlan;
import dev.hooklab.plan.InstallStep;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's command list for one Install (its CommandBuilder): the plan's mkdir and copy steps as they
 * are, and each permission target expanded into chmod, setfacl, semanage and chown, in that order.
 */
final class InstallInstructions {
    private final List<InstallInstruction> list = new ArrayList<>();
    private final Map<InstallInstruction.ChangeAcl, AccessControlList> acls = new IdentityHashMap<>();

    private InstallInstructions() {
    }

    static InstallInstructions of(InstallPlan plan) {
        InstallInstructions instructions = new InstallInstructions();
        Map<PermissionRule, AccessControlList> aclPerEntry = new IdentityHashMap<>();
        for (InstallStep step : plan.steps()) {
            if (step instanceof InstallStep.Mkdir m) {
                instructions.list.add(new InstallInstruction.MakeDirectory(m.target()));
            } else if (step instanceof InstallStep.Copy c) {
                instructions.list.add(new InstallInstruction.CopyFile(c.source(), c.target()));
            } else if (step instanceof InstallStep.Permission p) {
                instructions.permissions(p.target(), p.rule(),
                        aclPerEntry.computeIfAbsent(p.rule(), r -> new AccessControlList(r.acls())));
            }
        }
        return instructions;
    }

    List<InstallInstruction> list() {
        return List.copyOf(list);
    }

    /** The ACL object the agent shares between every target of one permissions entry. */
    AccessControlList aclOf(InstallInstruction.ChangeAcl instruction) {
        return acls.get(instruction);
    }

    private void permissions(String target, PermissionRule rule, AccessControlList acl) {
        if (rule.mode() != null) {
            list.add(new InstallInstruction.ChangeMode(rule.mode(), target));
        }
        if (!rule.acls().isEmpty()) {
            InstallInstruction.ChangeAcl change = new InstallInstruction.ChangeAcl(acl.entries(), target);
            acls.put(change, acl);
            list.add(change);
        }
        if (rule.context() != null) {
            PermissionRule.SeContext c = rule.context();
            list.add(new InstallInstruction.ChangeContext(c.name(), c.type(),
                    c.range() == null ? null : SelinuxRangeText.canonical(c.range()), target));
        }
        if (rule.owner() != null || rule.group() != null) {
            list.add(new InstallInstruction.ChangeOwner(rule.owner(), rule.group(), target));
        }
    }
}
