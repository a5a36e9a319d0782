package dev.hooklab.run.agent;

import java.util.List;

/**
 * One of the agent's Install commands, as {@code <dg-id>-install.json} lists it. Paths are instance paths.
 */
public sealed interface InstallInstruction {

    /** The JSON {@code type}: mkdir, copy, chmod, setfacl, semanage or chown. */
    String command();

    /** The path the instruction acts on. */
    String path();

    /** {@code {"type":"mkdir","directory":…}}: recorded in the cleanup file after it is created. */
    record MakeDirectory(String directory) implements InstallInstruction {
        @Override
        public String command() {
            return "mkdir";
        }

        @Override
        public String path() {
            return directory;
        }
    }

    /** {@code {"type":"copy","source":…,"destination":…}}: recorded in the cleanup file before it is copied. */
    record CopyFile(String source, String destination) implements InstallInstruction {
        @Override
        public String command() {
            return "copy";
        }

        @Override
        public String path() {
            return destination;
        }
    }

    /** {@code {"type":"chmod","mode":"755","file":…}}: the mode string, applied as octal. */
    record ChangeMode(String mode, String file) implements InstallInstruction {
        @Override
        public String command() {
            return "chmod";
        }

        @Override
        public String path() {
            return file;
        }
    }

    /** {@code {"type":"setfacl","acl":[…],"file":…}}: the entries as written (normalised), before the base entries are added. */
    record ChangeAcl(List<String> acl, String file) implements InstallInstruction {
        public ChangeAcl {
            acl = List.copyOf(acl);
        }

        @Override
        public String command() {
            return "setfacl";
        }

        @Override
        public String path() {
            return file;
        }
    }

    /**
     * {@code {"type":"semanage","context":{"user","role","type","range"},"file":…}}.
     *
     * @param user  the SELinux user (AppSpec key {@code name}), or null
     * @param type  the SELinux type
     * @param range the range in the agent's canonical form, or null (the agent then cannot write install.json)
     */
    record ChangeContext(String user, String type, String range, String file) implements InstallInstruction {
        @Override
        public String command() {
            return "semanage";
        }

        @Override
        public String path() {
            return file;
        }
    }

    /** {@code {"type":"chown","owner":…,"group":…,"file":…}}: names, either may be null. */
    record ChangeOwner(String owner, String group, String file) implements InstallInstruction {
        @Override
        public String command() {
            return "chown";
        }

        @Override
        public String path() {
            return file;
        }
    }
}
