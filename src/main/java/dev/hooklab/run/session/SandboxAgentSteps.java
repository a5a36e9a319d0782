package dev.hooklab.run.session;

import dev.hooklab.bundle.BundleException;
import dev.hooklab.bundle.BundleFormat;
import dev.hooklab.bundle.extract.BundleExtractor;
import dev.hooklab.bundle.extract.Extraction;
import dev.hooklab.bundle.extract.ExtractionCapException;
import dev.hooklab.bundle.extract.ExtractionLimits;
import dev.hooklab.finding.Setting;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.run.agent.AgentInstall;
import dev.hooklab.run.agent.DeploymentInstructions;
import dev.hooklab.run.agent.InstallCounts;
import dev.hooklab.run.agent.InstallHost;
import dev.hooklab.run.agent.InstallResult;
import dev.hooklab.run.agent.NotApplied;
import dev.hooklab.run.agent.SandboxWrites;
import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.work.Workers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's DownloadBundle and Install, emulated in a sandbox: the bundle extracted safely into
 * deployment-archive (top folder stripped by the agent's rule) with the most-recent marker, then the
 * Install step with its cleanup, copies, permissions, install.json and last-successful marker.
 */
public final class SandboxAgentSteps implements AgentSteps {
    private final InstallHost host;
    private final AppSpecParser parser;
    private final Workers workers;

    /** @param workers where extraction's threads come from */
    public SandboxAgentSteps(InstallHost host, AppSpecParser parser, Workers workers) {
        this.host = host;
        this.parser = parser;
        this.workers = workers;
    }

    @Override
    public StepOutcome downloadBundle(RunTarget.DeployedBundle deployed, DeploymentLayout layout, String appspecName,
                                      ExtractionLimits limits, Sandbox sandbox) {
        SandboxWrites writes = sandbox.writes();
        List<String> notes = new ArrayList<>();
        try {
            // folders a hook may have replaced with links resolve inside the sandbox, never on this machine
            writes.createDirectories(layout.deploymentDir());
            keepDownloadedBundle(deployed, layout, writes, notes);
            Path archive = writes.tree().locate(layout.archiveDir(), false).host();
            Extraction done = new BundleExtractor(limits, workers).extract(deployed.bundle(), archive);
            notes.add("Unpacked " + count(done.files(), "file") + ", " + count(done.directories(), "folder") + " and "
                    + count(done.symlinks(), "symlink") + " (" + done.bytes() + " bytes) into " + layout.archiveDir()
                    + (deployed.bundle().archive().topFolder().stripped()
                    ? ", stripping the top folder '" + deployed.bundle().archive().topFolder().folder() + "/'" : "")
                    + ".");
            notes.addAll(done.notes());
            if (deployed.appspecOverride() != null) {
                writes.writeText(layout.archiveDir() + "/" + appspecName, deployed.appspecOverride());
                notes.add("Replaced the bundle's AppSpec with the one given by " + Setting.APPSPEC.ref() + ".");
            }
            new DeploymentInstructions(writes, layout).writeMostRecentInstall();
            return StepOutcome.succeeded(notes);
        } catch (BundleException e) {
            notes.add("hooklab refused to unpack the bundle: " + e.getMessage());
            if (e instanceof ExtractionCapException) {
                notes.add(Setting.MAX_EXPANDED_SIZE.ref() + " raises the cap (now " + limits.maxExpandedBytes()
                        + " bytes).");
            }
            return StepOutcome.failed(null, notes);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            notes.add("hooklab could not unpack the bundle into the sandbox: " + e.getFile() + " is in the way of a"
                    + " folder (a link whose target is not in the sandbox, or a file); nothing was written outside it.");
            return StepOutcome.failed(null, notes);
        } catch (IOException | IllegalArgumentException e) {
            notes.add("hooklab could not unpack the bundle into the sandbox: " + e.getMessage());
            return StepOutcome.failed(null, notes);
        }
    }

    /**
     * An S3 or GitHub revision is downloaded to {@code <deployment>/bundle.tar} whatever its type, and stays there
     * ({@code CommandExecutor#artifact_bundle}): the bundle given stands for what was downloaded, byte for byte.
     */
    private static void keepDownloadedBundle(RunTarget.DeployedBundle deployed, DeploymentLayout layout,
                                             SandboxWrites writes, List<String> notes) throws IOException {
        if (!deployed.downloaded()) {
            return;
        }
        String bundleTar = layout.paths().join(layout.deploymentDir(), "bundle.tar");
        if (deployed.bundle().format() == BundleFormat.FOLDER) {
            notes.add("An S3 or GitHub revision is an archive the agent keeps as " + bundleTar + "; a folder was given, "
                    + "so there is no bundle.tar here.");
            return;
        }
        writes.createDirectories(layout.deploymentDir());
        try (OutputStream out = writes.openForWriting(bundleTar)) {
            Files.copy(deployed.bundle().source(), out);
        }
        notes.add("Kept the bundle as " + bundleTar + ", as the agent keeps what it downloaded.");
    }

    @Override
    public StepOutcome install(RunTarget.DeployedBundle deployed, DeploymentLayout layout, String appspecName,
                               String fileExistsBehavior, Sandbox sandbox) {
        SandboxWrites writes = sandbox.writes();
        InstallResult r = new AgentInstall(writes, host, parser).install(layout, appspecName, fileExistsBehavior);
        List<String> notes = new ArrayList<>();
        InstallCounts c = r.counts();
        if (r.succeeded()) {
            notes.add("Created " + count(c.directoriesCreated(), "folder") + ", copied " + count(c.filesCopied(), "file")
                    + " and " + count(c.symlinksCreated(), "symlink") + ", set " + count(c.modesSet(), "mode") + ", "
                    + count(c.ownersSet(), "owner") + " and " + count(c.aclsSet(), "ACL") + ".");
        }
        if (r.cleanup().found()) {
            notes.add("Ran the previous deployment's cleanup file first.");
        }
        for (NotApplied n : r.notApplied()) {
            notes.add("Not applied: " + n.command() + " " + n.path() + " (" + n.reason() + ").");
        }
        notes.addAll(r.notes());
        return switch (r.status()) {
            case SUCCEEDED -> StepOutcome.succeeded(notes);
            case FAILED -> StepOutcome.failed(r.message(), notes);
            case NOT_EMULATED -> {
                notes.add(0, r.message());
                yield StepOutcome.failed(null, notes);
            }
        };
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
