package dev.hooklab.diagnose.rules;

import dev.hooklab.bundle.AppSpecLookup;
import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.EntryType;
import dev.hooklab.bundle.TopFolder;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Whether the agent finds the AppSpec where it looks (agent-behaviour.md §3.3, §4.1). */
final class AppSpecLocationRule implements Rule {

    @Override
    public void check(RevisionFacts facts, Consumer<Diagnostic> out) {
        if (facts.bundle().isEmpty() || facts.lookup().isEmpty()) {
            return;
        }
        Bundle bundle = facts.bundle().get();
        AppSpecLookup lookup = facts.lookup().get();
        String archiveDir = facts.plan().layout().archiveDir();
        String name = lookup.configuredName();
        if (lookup.hookName() != null) {
            return;
        }
        String agent = AppSpecLookup.agentNotFoundMessage(archiveDir, name);
        if (lookup.installName() != null) {
            out.accept(Diagnostic.warning(DiagnosticCode.APPSPEC_YAML_EXTENSION,
                            "The revision has " + lookup.installName() + " but no " + name + ". Install falls back to "
                                    + lookup.installName() + ", but every hook event reads only " + name + " (unless "
                                    + "the deployment names the file): BeforeInstall fails before Install even runs.")
                    .withAgentMessage(agent)
                    .inFile(lookup.installName())
                    .withFix("Name the file " + name + "."));
            return;
        }
        TopFolder top = bundle.archive().topFolder();
        Optional<BundleEntry> notAFile = bundle.archive().resolve(name).flatMap(bundle.archive()::entry)
                .filter(e -> !e.isFile());
        if (notAFile.isPresent()) {
            out.accept(notAFile(notAFile.get(), name, archiveDir + "/" + name, agent));
            return;
        }
        String message;
        String fix;
        if (top.blocker() != null && top.folder() != null && onlyJunkBeside(bundle, top)) {
            message = "The AppSpec sits in folder '" + top.folder() + "/', which the agent would strip as the "
                    + "archive's single top folder, but '" + top.blocker() + "' at the archive root blocks it "
                    + "(root holds " + list(top.rootEntries()) + "), so " + name + " is not at the root of "
                    + "deployment-archive.";
            fix = top.blocker().equals("__MACOSX")
                    ? "Rebuild the zip without the __MACOSX folder (zip -r bundle.zip . -x '__MACOSX*' from inside the folder)."
                    : "Remove '" + top.blocker() + "' from the archive root, or archive the contents of '"
                    + top.folder() + "' rather than the folder.";
        } else if (!lookup.wrongCase().isEmpty()) {
            message = "The revision has " + list(lookup.wrongCase()) + " at its root, but on Linux names are "
                    + "case-sensitive and the agent looks for exactly " + name + ".";
            fix = "Rename " + lookup.wrongCase().get(0) + " to " + name + ".";
        } else if (!lookup.nested().isEmpty()) {
            message = "The revision has " + list(lookup.nested()) + ", but the agent reads the AppSpec only at the "
                    + "root of deployment-archive" + (top.stripped() ? " (after stripping the top folder '"
                    + top.folder() + "/')" : "") + ".";
            fix = "Move " + lookup.nested().get(0) + " to the root of the revision, and make its paths relative to it.";
        } else {
            message = "There is no " + name + " at the root of the revision (root holds "
                    + list(top.rootEntries()) + ").";
            fix = "Add " + name + " at the root of the revision (next to the scripts it names).";
        }
        out.accept(Diagnostic.error(DiagnosticCode.APPSPEC_NOT_FOUND, message)
                .withAgentMessage(agent)
                .withFix(fix));
    }

    /** The revision has something at the AppSpec's path, but not a file: say what it is and what the agent does with it. */
    private static Diagnostic notAFile(BundleEntry e, String name, String path, String notFound) {
        if (e.isDirectory()) {
            return Diagnostic.error(DiagnosticCode.APPSPEC_NOT_FOUND, name + " in the revision is a folder, not a file. "
                            + "The agent finds it (File.exist?) and then fails to read it.")
                    .withAgentMessage("Is a directory @ io_fread - " + path)
                    .inFile(e.name())
                    .withFix("Put the AppSpec file itself at the root of the revision, not a folder named " + name + ".");
        }
        if (e.type() == EntryType.OTHER) {
            return Diagnostic.error(DiagnosticCode.APPSPEC_NOT_FOUND, name + " in the revision is a special file (a fifo or "
                            + "device), not a regular file. GNU tar running as root recreates it; the agent finds it and its "
                            + "File.read then blocks (a fifo) or never ends (a device), until the deployment times out.")
                    .inFile(e.name())
                    .withFix("Store " + name + " as a regular file.");
        }
        return Diagnostic.error(DiagnosticCode.APPSPEC_NOT_FOUND, name + " in the revision is a " + e.type().label()
                        + ", not a file the agent can read.")
                .withAgentMessage(notFound)
                .inFile(e.name())
                .withFix("Store " + name + " as a regular file at the root of the revision.");
    }

    /**
     * Whether the entries beside the AppSpec's folder look like what zipping a folder adds (__MACOSX, dotfiles,
     * loose files) rather than a revision whose AppSpec sits one level too deep next to other folders: only
     * then is "remove the blocker" the fix.
     */
    private static boolean onlyJunkBeside(Bundle bundle, TopFolder top) {
        return top.rootEntries().stream()
                .filter(r -> !r.equals(top.folder()))
                .allMatch(r -> r.equals("__MACOSX") || r.startsWith(".") || !bundle.archive().isDirectory(r));
    }

    private static String list(List<String> names) {
        if (names.isEmpty()) {
            return "nothing";
        }
        int shown = Math.min(names.size(), 8);
        String s = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? s + " and " + (names.size() - shown) + " more" : s;
    }
}
