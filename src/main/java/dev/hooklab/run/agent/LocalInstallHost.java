package dev.hooklab.run.agent;

import dev.hooklab.run.HostAccounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * This machine, through {@link HostAccounts} and {@code getent}. A name is found only when an entry has
 * exactly that name, as with the agent's {@code getpwnam}/{@code getgrnam} (getent would also accept a
 * numeric id, which Ruby does not).
 */
public final class LocalInstallHost implements InstallHost {
    private final HostAccounts accounts;

    public LocalInstallHost(HostAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean isRoot() {
        return accounts.isRoot();
    }

    @Override
    public OptionalInt userId(String name) {
        return lookUp("passwd", name);
    }

    @Override
    public OptionalInt groupId(String name) {
        return lookUp("group", name);
    }

    @Override
    public Optional<Path> command(String name) {
        return accounts.onPath(name);
    }

    /** {@code getent <database> <name>}: the third field of the entry named exactly {@code name}. */
    private static OptionalInt lookUp(String database, String name) {
        if (name.isEmpty() || name.startsWith("-") || name.contains(":") || name.contains("\n")) {
            return OptionalInt.empty();
        }
        try {
            Process getent = new ProcessBuilder(List.of("getent", database, name))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            getent.getOutputStream().close();
            String output = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!getent.waitFor(5, TimeUnit.SECONDS) || getent.exitValue() != 0) {
                getent.destroyForcibly();
                return OptionalInt.empty();
            }
            for (String line : output.split("\n")) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 3 && fields[0].equals(name) && fields[2].matches("\\d{1,10}")) {
                    return OptionalInt.of((int) Long.parseLong(fields[2]));
                }
            }
            return OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }
}
