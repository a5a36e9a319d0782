package dev.hooklab.run.agent;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** What this machine lets the Install emulation apply: ownership (as root), accounts, the setfacl command. */
public interface InstallHost {

    /** Whether hooklab runs as root, as the agent does. */
    boolean isRoot();

    /** The uid of the user with exactly this name ({@code getpwnam}), if there is one here. */
    OptionalInt userId(String name);

    /** The gid of the group with exactly this name ({@code getgrnam}), if there is one here. */
    OptionalInt groupId(String name);

    /** The executable {@code name} on the PATH. */
    Optional<Path> command(String name);
}
