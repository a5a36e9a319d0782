package dev.hooklab.run.agent;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A machine whose accounts and tools a test decides. */
final class FakeHost implements InstallHost {
    boolean root;
    final Map<String, Integer> users = new HashMap<>();
    final Map<String, Integer> groups = new HashMap<>();
    final Map<String, Path> commands = new HashMap<>();

    FakeHost(boolean root) {
        this.root = root;
    }

    @Override
    public boolean isRoot() {
        return root;
    }

    @Override
    public OptionalInt userId(String name) {
        return users.containsKey(name) ? OptionalInt.of(users.get(name)) : OptionalInt.empty();
    }

    @Override
    public OptionalInt groupId(String name) {
        return groups.containsKey(name) ? OptionalInt.of(groups.get(name)) : OptionalInt.empty();
    }

    @Override
    public Optional<Path> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }
}
