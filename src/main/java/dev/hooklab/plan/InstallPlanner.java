package dev.hooklab.plan;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.appspec.FileMapping;
import dev.hooklab.appspec.Mark;
import dev.hooklab.appspec.PermissionRule;
import dev.hooklab.finding.DiagnosticCode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generates the Install step's instructions exactly as the agent's Installer does (agent-behaviour.md §7.2-7.4):
 * files entries in order, directory sources copied by content, missing ancestors created, conflicts and
 * file_exists_behavior checked against what already exists, then permissions resolved onto the targets.
 * Like the agent, it stops at the first error.
 */
public final class InstallPlanner {
    /** The agent daemon's working directory under systemd, against which relative destinations resolve. */
    public static final String AGENT_CWD = "/";

    private final AgentPath paths;

    public InstallPlanner(AgentPath paths) {
        this.paths = paths;
    }

    /**
     * @param spec                   the AppSpec's files, permissions and file_exists_behavior
     * @param archive                deployment-archive
     * @param archiveDir             its absolute path on the instance
     * @param instance               what exists on the instance before the copy (after the previous cleanup)
     * @param deploymentFileBehavior the deployment's fileExistsBehavior override, or null (DISALLOW)
     */
    public InstallPlan plan(AppSpec spec, ArchiveTree archive, String archiveDir, InstanceFiles instance,
                            String deploymentFileBehavior) {
        String behavior = spec.fileExistsBehavior() != null ? spec.fileExistsBehavior()
                : deploymentFileBehavior != null ? deploymentFileBehavior : "DISALLOW";
        Builder b = new Builder(archive, archiveDir, instance, behavior);
        try {
            for (FileMapping f : spec.files()) {
                b.current = f.mark();
                b.addFiles(f);
            }
            for (PermissionRule p : spec.permissions()) {
                b.current = p.mark();
                b.addPermission(p);
            }
            return b.result(Optional.empty());
        } catch (Stop stop) {
            return b.result(Optional.of(stop.failure));
        }
    }

    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final transient InstallFailure failure;

        Stop(InstallFailure failure) {
            super(failure.agentMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private final class Builder {
        final ArchiveTree archive;
        final String archiveDir;
        final InstanceFiles instance;
        final String behavior;
        final List<InstallStep> steps = new ArrayList<>();
        final Map<String, InstallStep.Copy> copyTargets = new LinkedHashMap<>(1024);
        final Set<String> mkdirTargets = new LinkedHashSet<>();
        final Set<String> permissionTargets = new LinkedHashSet<>();
        final List<String> retained = new ArrayList<>();
        final List<String> overwritten = new ArrayList<>();
        Mark current = Mark.NONE;

        Builder(ArchiveTree archive, String archiveDir, InstanceFiles instance, String behavior) {
            this.archive = archive;
            this.archiveDir = archiveDir;
            this.instance = instance;
            this.behavior = behavior;
        }

        InstallPlan result(Optional<InstallFailure> failure) {
            return new InstallPlan(steps, retained, overwritten, behavior, failure);
        }

        Stop stop(DiagnosticCode code, String agentMessage) {
            return new Stop(new InstallFailure(code, agentMessage, current));
        }

        String expand(String path) {
            return paths.expand(path, AGENT_CWD);
        }

        /** The archive-relative path of a source ("" for the root), or null when it leaves the archive. */
        String archiveRelative(String source) {
            String joined = paths.join(archiveDir, source);
            String root = paths.expand(archiveDir, AGENT_CWD);
            return AgentPath.isWithin(joined, root) ? AgentPath.relativeTo(joined, root) : null;
        }

        void addFiles(FileMapping f) throws Stop {
            String absoluteSource = AgentPath.fileJoin(archiveDir, f.source());
            String rel = archiveRelative(f.source());
            if (rel != null && archive.isRealDirectory(rel)) {
                String target = expand(f.destination());
                fillInMissingAncestors(target);
                directoryCopy(rel, absoluteSource, f.destination(), target);
            } else {
                String fileDestination = AgentPath.fileJoin(f.destination(), AgentPath.basename(absoluteSource));
                String target = expand(fileDestination);
                fillInMissingAncestors(target);
                normalCopy(rel, absoluteSource, "", fileDestination, target);
            }
        }

        /**
         * @param destination the destination as the agent joins it (used in its messages)
         * @param target      the same, expanded; children are built by appending names, which are single segments
         */
        void directoryCopy(String rel, String absoluteSource, String destination, String target) throws Stop {
            // the agent recurses; an explicit stack gives the same order for a tree of any depth
            Deque<Folder> open = new ArrayDeque<>();
            open.push(enter(rel, absoluteSource, destination, target));
            while (!open.isEmpty()) {
                Folder folder = open.peek();
                if (!folder.names().hasNext()) {
                    open.pop();
                    continue;
                }
                String name = folder.names().next();
                String entryRel = folder.rel().isEmpty() ? name : folder.rel() + "/" + name;
                String entryTarget = folder.target().endsWith("/") ? folder.target() + name : folder.target() + "/" + name;
                if (archive.isRealDirectory(entryRel)) {
                    open.push(enter(entryRel, AgentPath.fileJoin(folder.source(), name),
                            AgentPath.fileJoin(folder.destination(), name), entryTarget));
                } else {
                    normalCopy(entryRel, folder.source(), name, folder.destination(), entryTarget);
                }
            }
        }

        /** A folder being copied: its mkdir done, its entries still to visit. */
        private record Folder(String rel, String source, String destination, String target, Iterator<String> names) {
        }

        private Folder enter(String rel, String source, String destination, String target) throws Stop {
            if (!instance.isDirectory(target)) {
                mkdir(target);
            }
            return new Folder(rel, source, destination, target, archive.list(rel).iterator());
        }

        /**
         * One file: {@code sourceDir}/{@code name} to {@code target}. The joined source and destination are built
         * only for messages, so that a large revision costs one string per file (its target).
         */
        void normalCopy(String rel, String sourceDir, String name, String destinationDir, String target) throws Stop {
            if (!instance.exists(target)) {
                copy(rel, sourceDir, name, target);
                return;
            }
            String destination = name.isEmpty() ? destinationDir : AgentPath.fileJoin(destinationDir, name);
            switch (behavior) {
                case "DISALLOW" -> throw stop(DiagnosticCode.FILE_EXISTS,
                        "The deployment failed because a specified file already exists at this location: " + destination);
                case "OVERWRITE" -> {
                    copy(rel, sourceDir, name, target);
                    overwritten.add(target);
                }
                case "RETAIN" -> retained.add(target);
                default -> throw stop(DiagnosticCode.FILE_EXISTS_BEHAVIOR_INVALID,
                        "The deployment failed because an invalid option was specified for fileExistsBehavior: "
                                + behavior + ". Valid options include OVERWRITE, RETAIN, and DISALLOW.");
            }
        }

        void fillInMissingAncestors(String target) throws Stop {
            List<String> missing = new ArrayList<>();
            String parent = AgentPath.dirname(target);
            while (!instance.exists(parent) && !parent.equals("/") && !parent.equals(".")
                    && !parent.matches("[A-Z]:/?")) {
                missing.add(0, parent);
                parent = AgentPath.dirname(parent);
            }
            for (String dir : missing) {
                mkdir(dir);
            }
        }

        /** @param target the expanded destination file */
        void copy(String rel, String sourceDir, String name, String target) throws Stop {
            InstallStep.Copy step = new InstallStep.Copy(sourceDir, name, rel, target);
            InstallStep.Copy earlier = copyTargets.putIfAbsent(target, step);
            if (earlier != null) {
                throw stop(DiagnosticCode.FILES_CONFLICT, "The deployment failed because the application specification "
                        + "file specifies two source files named " + step.source() + " and " + earlier.source()
                        + " for the same destination (" + target + "). Remove one of the source file paths from the "
                        + "AppSpec file, and then try again.");
            }
            if (mkdirTargets.contains(target)) {
                throw stop(DiagnosticCode.FILES_CONFLICT, "The deployment failed because the application specification "
                        + "file calls for installing the file " + step.source() + ", but a file with that name already "
                        + "exists at the location (" + target + "). Update your AppSpec file or directory structure, and "
                        + "then try again.");
            }
            steps.add(step);
        }

        /** @param target the expanded directory */
        void mkdir(String target) throws Stop {
            if (copyTargets.containsKey(target)) {
                throw stop(DiagnosticCode.FILES_CONFLICT, "The deployment failed because the application specification "
                        + "file includes an mkdir command more than once for the same destination path (" + target
                        + ") from (" + copyTargets.get(target).source() + "). Update the files section of the AppSpec file, and "
                        + "then try again.");
            }
            if (mkdirTargets.add(target)) {
                steps.add(new InstallStep.Mkdir(target));
            }
        }

        void addPermission(PermissionRule p) throws Stop {
            String object = expand(p.object());
            if (copyTargets.containsKey(object)) {
                if (p.types().contains("file")) {
                    validateFilePermission(p);
                    validateFileAcl(p);
                    setPermissions(object, p);
                }
            } else if (mkdirTargets.contains(object) || instance.isDirectory(object)) {
                for (String match : findMatches(p, object)) {
                    setPermissions(match, p);
                }
            }
        }

        void validateFilePermission(PermissionRule p) throws Stop {
            if (!"**".equals(p.pattern())) {
                throw stop(DiagnosticCode.PERMISSION_NOT_APPLICABLE, "The deployment failed because the application "
                        + "specification file includes an object (" + p.object() + ") with an invalid pattern ("
                        + p.pattern() + "), such as a pattern for a file applied to a directory. Correct the "
                        + "permissions section of the AppSpec file, and then try again.");
            }
            if (!p.except().isEmpty()) {
                throw stop(DiagnosticCode.PERMISSION_NOT_APPLICABLE, "The deployment failed because the except "
                        + "parameter for a pattern in the permissions section (" + inspect(p.except()) + ") for the "
                        + "object named " + p.object() + " contains an invalid format. Update the AppSpec file, and "
                        + "then try again.");
            }
        }

        void validateFileAcl(PermissionRule p) throws Stop {
            for (String ace : p.acls()) {
                String first = ace.split(":", -1)[0];
                if ((first.equals("d") || first.equals("default")) && ace.split(":", -1).length >= 3) {
                    throw stop(DiagnosticCode.PERMISSION_NOT_APPLICABLE, "The deployment failed because the -d "
                            + "parameter has been specified to apply an acl setting to a file. This parameter is "
                            + "supported for directories only. Update the AppSpec file, and then try again.");
                }
            }
        }

        List<String> findMatches(PermissionRule p, String object) throws Stop {
            List<String> matches = new ArrayList<>();
            if (p.types().contains("file")) {
                for (String target : copyTargets.keySet()) {
                    if (matchesPattern(target, object, p.pattern()) && !matchesExcept(target, object, p.except())) {
                        validateFileAcl(p);
                        matches.add(target);
                    }
                }
            }
            if (p.types().contains("directory")) {
                for (String target : mkdirTargets) {
                    if (matchesPattern(target, object, p.pattern()) && !matchesExcept(target, object, p.except())) {
                        matches.add(target);
                    }
                }
            }
            return matches;
        }

        void setPermissions(String target, PermissionRule p) throws Stop {
            if (!permissionTargets.add(target)) {
                throw stop(DiagnosticCode.PERMISSION_DUPLICATE, "The deployment failed because the permissions setting "
                        + "for (" + target + ") is specified more than once in the application specification file. "
                        + "Update the files section of the AppSpec file, and then try again.");
            }
            if (p.mode() != null || !p.acls().isEmpty() || p.context() != null || p.owner() != null
                    || p.group() != null) {
                steps.add(new InstallStep.Permission(target, p));
            }
        }
    }

    static boolean matchesPattern(String name, String object, String pattern) {
        String base = object.endsWith("/") ? object : object + "/";
        if (!name.startsWith(base)) {
            return false;
        }
        return "**".equals(pattern) || matchesSimpleGlob(name.substring(base.length()), pattern);
    }

    static boolean matchesExcept(String name, String object, List<String> except) {
        String base = object.endsWith("/") ? object : object + "/";
        if (!name.startsWith(base)) {
            return false;
        }
        String rel = name.substring(base.length());
        return except.stream().anyMatch(e -> matchesSimpleGlob(rel, e));
    }

    /** The agent's tiny glob: only '*' is special, and it never crosses a '/'. */
    static boolean matchesSimpleGlob(String name, String pattern) {
        if (name.contains("/")) {
            return false;
        }
        return Pattern.compile(globToRegex(pattern), Pattern.DOTALL).matcher(name).matches();
    }

    private static String globToRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return regex.toString();
    }

    private static String inspect(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append('"').append(items.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append(']').toString();
    }
}
