package dev.hooklab.run.agent;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.InstallPlan;
import dev.hooklab.plan.InstallPlanner;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The agent's Install step for one deployment, in a sandbox, in the agent's order: the AppSpec is read
 * (Install's name fallback; Ruby evaluates it as an argument before {@code Installer#install} runs), the
 * previous deployment's cleanup file is executed, the instructions are planned (every check before anything
 * is copied), {@code <dg-id>-install.json} is written, the instructions run while the new
 * {@code <dg-id>-cleanup} records what they create, and {@code <dg-id>_last_successful_install} is written.
 * The first error stops it with the agent's message, leaving the sandbox as the agent leaves an instance.
 */
public final class AgentInstall {
    private final SandboxWrites writes;
    private final InstallHost host;
    private final InstallAppSpec appSpecs;
    private final InstallPlanner planner = new InstallPlanner(AgentPath.POSIX);
    private final InstallJson json = new InstallJson();

    public AgentInstall(SandboxWrites writes, InstallHost host, AppSpecParser parser) {
        this.writes = writes;
        this.host = host;
        this.appSpecs = new InstallAppSpec(writes.tree(), parser);
    }

    public AgentInstall(SandboxWrites writes, InstallHost host) {
        this(writes, host, new AppSpecParser());
    }

    /**
     * Install with the AppSpec read from the extracted revision in the sandbox.
     *
     * @param appSpecFileName    the deployment's AppSpecFilename, or null for {@code appspec.yml}
     * @param fileExistsBehavior the deployment's fileExistsBehavior override, or null (the AppSpec's value wins)
     */
    public InstallResult install(DeploymentLayout layout, String appSpecFileName, String fileExistsBehavior) {
        return run(layout, () -> appSpecs.read(layout, appSpecFileName), fileExistsBehavior);
    }

    /** Install with an AppSpec already read (for example from {@code --appspec FILE}). */
    public InstallResult installWith(DeploymentLayout layout, AppSpec spec, String fileExistsBehavior) {
        return run(layout, () -> spec, fileExistsBehavior);
    }

    private interface AppSpecSource {
        AppSpec read() throws AgentError;
    }

    private InstallResult run(DeploymentLayout layout, AppSpecSource source, String fileExistsBehavior) {
        Attempt attempt = new Attempt(layout);
        if (layout.os() != TargetOs.LINUX) {
            return attempt.result(InstallResult.Status.NOT_EMULATED,
                    "hooklab emulates the Install step of Linux instances only.");
        }
        try {
            attempt.run(source, fileExistsBehavior == null ? null : fileExistsBehavior.toUpperCase(Locale.ROOT));
            return attempt.result(InstallResult.Status.SUCCEEDED, null);
        } catch (AgentError e) {
            if (!host.isRoot() && (e.getMessage().startsWith("Permission denied")
                    || e.getMessage().startsWith("Operation not permitted"))) {
                attempt.tally.note("hooklab does not run as root: the agent, as root, would not be refused here.");
            }
            return attempt.result(InstallResult.Status.FAILED, e.getMessage());
        } catch (IllegalArgumentException e) {
            return attempt.result(InstallResult.Status.NOT_EMULATED, "hooklab cannot emulate this Install: "
                    + e.getMessage());
        }
    }

    /** One run of Install and what it has done so far. */
    private final class Attempt {
        private final DeploymentLayout layout;
        private final DeploymentInstructions markers;
        private final InstallTally tally = new InstallTally();
        private CleanupReport cleanup = CleanupReport.none();
        private List<InstallInstruction> planned = List.of();

        Attempt(DeploymentLayout layout) {
            this.layout = layout;
            this.markers = new DeploymentInstructions(writes, layout);
        }

        void run(AppSpecSource source, String fileExistsBehavior) throws AgentError {
            createDirectories(layout.deploymentDir());
            createDirectories(markers.directory());
            AppSpec spec;
            try {
                spec = source.read();
            } catch (AgentError e) {
                if (writes.tree().exists(markers.cleanupFile())) {
                    tally.note("The agent reads the AppSpec before it runs the previous deployment's cleanup file, "
                            + "so nothing was removed: the previous deployment's files are still in place.");
                }
                throw e;
            }
            cleanup = new InstallCleanup(writes).run(markers.cleanupFile());
            // from here on nothing removes or replaces a folder and no hook runs: folders found once are known
            SandboxWrites known = new SandboxWrites(writes.tree().withFolderCache());
            InstallPlan plan = planner.plan(spec, known.tree().archive(layout.archiveDir()), layout.archiveDir(),
                    known.tree().instanceFiles(), fileExistsBehavior);
            if (plan.failure().isPresent()) {
                if (cleanup.found()) {
                    tally.note("The previous deployment's files were already removed by its cleanup file, as on an "
                            + "instance: neither the old nor the new files are in place now.");
                }
                throw new AgentError(plan.failure().get().agentMessage());
            }
            InstallInstructions instructions = InstallInstructions.of(plan);
            planned = instructions.list();
            new InstallNotes(tally).about(plan);
            writeInstallJson(instructions);
            execute(instructions, known);
            try {
                markers.writeLastSuccessfulInstall();
            } catch (IOException e) {
                throw AgentError.errno(e, RubyErrno.OPEN, markers.lastSuccessfulInstall());
            }
        }

        /** {@code File.open(install_file, "w") { |f| f.write(instructions.to_json) }}: empty when to_json fails. */
        private void writeInstallJson(InstallInstructions instructions) throws AgentError {
            AgentError failure = null;
            try {
                json.check(instructions.list());
            } catch (AgentError e) {
                failure = e;
            }
            try (Writer out = writes.openTextForWriting(markers.installJson())) {
                if (failure == null) {
                    json.write(instructions.list(), out);
                }
            } catch (IOException e) {
                throw AgentError.errno(e, RubyErrno.OPEN, markers.installJson());
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void execute(InstallInstructions instructions, SandboxWrites known) throws AgentError {
            FileInstructions files = new FileInstructions(known, tally);
            PermissionInstructions permissions = new PermissionInstructions(known, host, tally);
            try (CleanupFile cleanupFile = CleanupFile.create(writes, markers.cleanupFile())) {
                for (InstallInstruction i : instructions.list()) {
                    if (i instanceof InstallInstruction.MakeDirectory m) {
                        files.makeDirectory(m, cleanupFile);
                    } else if (i instanceof InstallInstruction.CopyFile c) {
                        files.copy(c, cleanupFile);
                    } else if (i instanceof InstallInstruction.ChangeMode m) {
                        permissions.changeMode(m);
                    } else if (i instanceof InstallInstruction.ChangeAcl a) {
                        permissions.changeAcl(a, instructions.aclOf(a));
                    } else if (i instanceof InstallInstruction.ChangeContext c) {
                        permissions.changeContext(c);
                    } else if (i instanceof InstallInstruction.ChangeOwner o) {
                        permissions.changeOwner(o);
                    }
                }
            }
        }

        /** {@code FileUtils.mkdir_p}, as the agent does for the deployment folder and the instructions folder. */
        private void createDirectories(String dir) throws AgentError {
            try {
                writes.createDirectories(dir);
            } catch (IOException e) {
                throw AgentError.errno(e, RubyErrno.MKDIR, dir);
            }
        }

        InstallResult result(InstallResult.Status status, String message) {
            return new InstallResult(status, message, cleanup, planned, tally.counts(), tally.notApplied(),
                    tally.notes());
        }
    }
}
