package dev.hooklab.run.agent;

import dev.hooklab.plan.ArchiveTree;

import java.io.IOException;
import java.util.List;

/**
 * An extracted deployment-archive in the sandbox as the Install step sees it: a directory is descended only
 * when it is a real directory ({@code File.directory?(p) && !File.symlink?(p)}); symlinks on the way to it
 * are resolved inside the sandbox.
 */
final class SandboxArchive implements ArchiveTree {
    private final SandboxTree tree;
    private final String archiveDir;

    SandboxArchive(SandboxTree tree, String archiveDir) {
        SandboxTree.segments(archiveDir);
        this.tree = tree;
        this.archiveDir = archiveDir;
    }

    @Override
    public boolean exists(String path) {
        return tree.exists(instancePath(path));
    }

    @Override
    public boolean isRealDirectory(String path) {
        String p = instancePath(path);
        return tree.isDirectory(p) && !tree.isSymlink(p);
    }

    @Override
    public List<String> list(String dir) {
        try {
            return tree.list(instancePath(dir));
        } catch (IOException e) {
            return List.of();
        }
    }

    private String instancePath(String relative) {
        String rel = relative;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        return rel.isEmpty() ? archiveDir : archiveDir + "/" + rel;
    }
}
