package dev.hooklab.run.agent;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** A sandbox folder with deployments of one deployment group, their archives built file by file. */
final class Sandbox {
    static final String ROOT_DIR = "/opt/codedeploy-agent/deployment-root";
    static final String GROUP = "dg-1234";
    static final String INSTRUCTIONS = ROOT_DIR + "/deployment-instructions";
    static final FileTime MTIME = FileTime.from(Instant.parse("2021-02-03T04:05:06Z"));

    final Path root;
    final SandboxTree tree;
    final SandboxWrites writes;

    Sandbox(Path root) {
        this.root = root;
        this.tree = new SandboxTree(root);
        this.writes = new SandboxWrites(tree);
    }

    static DeploymentLayout layout(String deploymentId) {
        return new DeploymentLayout(TargetOs.LINUX, ROOT_DIR, GROUP, deploymentId);
    }

    static String archive(String deploymentId) {
        return layout(deploymentId).archiveDir();
    }

    /** The host path of an instance path (lexical). */
    Path host(String instancePath) {
        return tree.hostPath(instancePath);
    }

    /** A file in a deployment's archive with this mode and {@link #MTIME}. */
    Sandbox file(String deploymentId, String relative, String content, int mode) {
        Path file = host(archive(deploymentId) + "/" + relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setAttribute(file, "unix:mode", mode);
            Files.setLastModifiedTime(file, MTIME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Sandbox appspec(String deploymentId, String yaml) {
        return file(deploymentId, "appspec.yml", yaml, 0644);
    }

    Sandbox symlink(String deploymentId, String relative, String target) {
        return link(archive(deploymentId) + "/" + relative, target);
    }

    /** A symlink anywhere in the sandbox. */
    Sandbox link(String instancePath, String target) {
        Path link = host(instancePath);
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A file put on the "instance" by hand. */
    Sandbox placed(String instancePath, String content) {
        Path file = host(instancePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String read(String instancePath) {
        try {
            return Files.readString(host(instancePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String instancePath) {
        return Files.exists(host(instancePath), LinkOption.NOFOLLOW_LINKS);
    }

    int mode(String instancePath) {
        try {
            return (Integer) Files.getAttribute(host(instancePath), "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int uid(String instancePath) {
        try {
            return (Integer) Files.getAttribute(host(instancePath), "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int gid(String instancePath) {
        try {
            return (Integer) Files.getAttribute(host(instancePath), "unix:gid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String spec(String files, String permissions) {
        return "version: 0.0\nos: linux\nfiles:\n" + files + (permissions.isEmpty() ? "" : "permissions:\n" + permissions);
    }

    static String files(String source, String destination) {
        return "  - source: " + source + "\n    destination: " + destination + "\n";
    }
}
