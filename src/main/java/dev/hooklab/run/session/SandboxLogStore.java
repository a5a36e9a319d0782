package dev.hooklab.run.session;

import dev.hooklab.run.output.DeploymentsLog;
import dev.hooklab.run.agent.SandboxWrites;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A folder of the instance in the sandbox, as the {@link DeploymentsLog} uses it: nothing is followed out of it. */
final class SandboxLogStore implements DeploymentsLog.Store {
    private final SandboxWrites writes;
    private final String folder;

    SandboxLogStore(SandboxWrites writes, String folder) {
        this.writes = writes;
        this.folder = folder;
    }

    @Override
    public long size(String name) throws IOException {
        Path host = writes.tree().locate(path(name), false).host();
        if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
            return -1;
        }
        return Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
    }

    @Override
    public OutputStream append(String name) throws IOException {
        return writes.openForAppending(path(name));
    }

    @Override
    public void rename(String from, String to) throws IOException {
        writes.rename(path(from), path(to));
    }

    private String path(String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }
}
