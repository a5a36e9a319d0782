package dev.hooklab.finding;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalog of findings: a stable kebab-case slug, a short title and help text (shown in SARIF
 * rule metadata and in the window). Slugs never change once released.
 */
public enum DiagnosticCode {
    // --- the bundle ---
    BUNDLE_FORMAT_MISMATCH("bundle-format-mismatch", "File name and content disagree",
            "The agent never looks at the bytes: it unpacks with the bundle type declared for the revision "
                    + "(the stored file is always called bundle.tar). Declare the type the content really has."),
    BUNDLE_ENTRY_UNSAFE("bundle-entry-unsafe", "Archive entry with an absolute or '..' name",
            "tar refuses members whose name contains '..' and fails the extraction; unzip strips '../' and "
                    + "leading '/' and extracts elsewhere than the name says. Rebuild the archive from inside the revision folder."),
    BUNDLE_SYMLINK_ESCAPE("bundle-symlink-escape", "Symbolic link pointing outside the revision",
            "A link that leaves deployment-archive makes hooks and the files section read or write outside it; "
                    + "an entry stored through such a link fails tar's extraction."),
    BUNDLE_HARDLINK("bundle-hardlink", "Hard link in the archive",
            "A hard link entry makes tar link to another path on the instance; make it a regular file."),
    BUNDLE_DUPLICATE_ENTRY("bundle-duplicate-entry", "The same path is stored twice",
            "On extraction the later entry silently replaces the earlier one."),
    BUNDLE_ENCRYPTED_ENTRY("bundle-encrypted-entry", "Encrypted zip entry",
            "The agent's unzip has no password: encrypted entries cannot be extracted."),
    BUNDLE_UNSUPPORTED_COMPRESSION("bundle-unsupported-compression", "Zip entry with a compression method the agent cannot unpack",
            "unzip 6.0 reads stored, deflated, deflate64, bzip2, shrunk and imploded entries; zstd, xz, LZMA, PPMd and others fail DownloadBundle."),
    BUNDLE_NAME_ENCODING("bundle-name-encoding", "Entry name is not valid UTF-8",
            "The name will be written byte for byte on the instance and will not match the UTF-8 name in appspec.yml."),
    BUNDLE_SPECIAL_ENTRY("bundle-special-entry", "Device, FIFO or other special entry",
            "Special files in a revision are not what the agent expects to install; remove them."),
    APPSPEC_NOT_FOUND("appspec-not-found", "AppSpec file not found",
            "The agent looks for appspec.yml (or the configured name) at the root of deployment-archive, after "
                    + "stripping a single top-level folder only when it is the sole root entry."),
    APPSPEC_YAML_EXTENSION("appspec-yaml-only", "Only appspec.yaml: hook events look for appspec.yml",
            "Install falls back to appspec.yaml, but each hook event looks only for the configured name (appspec.yml by default)."),

    // --- the AppSpec as the agent parses and validates it ---
    APPSPEC_EMPTY("appspec-empty", "AppSpec file is empty", "Give at least version: 0.0 and os: linux."),
    YAML_SYNTAX("yaml-syntax", "YAML syntax error", "The agent's YAML parser rejects the file; fix the line shown."),
    YAML_ALIAS("yaml-alias", "YAML alias or anchor used",
            "The agent's YAML loader (Ruby 3.1 and later) refuses aliases. Write the value out in full."),
    YAML_UNSUPPORTED_TYPE("yaml-unsupported-type", "Value of a type the agent's YAML loader refuses",
            "Unquoted dates, symbols and custom tags make Ruby's safe loader fail. Quote the value."),
    YAML_LIMIT("yaml-limit", "AppSpec too large or too deeply nested",
            "hooklab refuses YAML documents beyond its size and nesting limits."),
    APPSPEC_STRUCTURE("appspec-structure", "Section has the wrong shape",
            "The agent expects hooks as a mapping of event names to lists, files and permissions as lists of mappings."),
    VERSION_INVALID("version-invalid", "Invalid version", "Write version: 0.0 (unquoted)."),
    OS_UNSUPPORTED("os-unsupported", "Unsupported os", "Write os: linux for a Linux agent, os: windows for a Windows agent."),
    HOOK_LOCATION_MISSING("hook-location-missing", "Hook script without a location", "Each hook script needs location: path/in/revision."),
    HOOK_TIMEOUT_INVALID("hook-timeout-invalid", "Invalid hook timeout", "timeout is a whole number of seconds greater than 0."),
    FILES_SOURCE_MISSING("files-source-missing", "files entry without a source", "Each files entry needs source and destination."),
    FILES_DESTINATION_MISSING("files-destination-missing", "files entry without a destination", "Each files entry needs source and destination."),
    PERMISSION_OBJECT_MISSING("permission-object-missing", "Permission without an object", "Each permissions entry needs object: /absolute/path."),
    PERMISSIONS_ON_WINDOWS("permissions-on-windows", "permissions with os: windows", "The permissions section is for Linux only."),
    PERMISSION_TYPE_INVALID("permission-type-invalid", "Invalid permission type", "type is a list of file and/or directory."),
    PERMISSION_MODE_INVALID("permission-mode-invalid", "Invalid permission mode", "mode is one to four octal digits; quote it (\"0644\")."),
    PERMISSION_ACL_INVALID("permission-acl-invalid", "Invalid ACL entry", "acls entries look like u:name:rwx or d:g:name:rx."),
    PERMISSION_CONTEXT_INVALID("permission-context-invalid", "Invalid SELinux context", "context needs type and an optional range such as s0-s2:c0.c7."),
    FILE_EXISTS_BEHAVIOR_INVALID("file-exists-behavior-invalid", "Invalid file_exists_behavior", "Use DISALLOW, OVERWRITE or RETAIN."),

    // --- beyond the agent's own checks ---
    DUPLICATE_KEY("duplicate-key", "Key given twice", "YAML keeps only the last value of a repeated key; the earlier one is silently lost."),
    UNKNOWN_KEY("unknown-key", "Key the agent ignores", "The agent reads only the keys it knows (case-sensitive); anything else is silently ignored."),
    UNKNOWN_EVENT("unknown-event", "Hook event that never runs", "Event names are case-sensitive; an unknown name is accepted and never runs."),
    EVENT_NOT_RUN("event-not-run-for-deployment-type", "Event not run for this deployment type",
            "Traffic events run only with a load balancer or in blue/green deployments."),
    PREVIOUS_REVISION_EVENT("previous-revision-event", "Event runs the previous revision's scripts",
            "ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run the scripts of the last revision that passed Install."),
    EVENT_TIMEOUT_OVER_3600("event-timeout-over-3600", "Event timeouts add up to more than 3600 s",
            "The service allows one hour per lifecycle event for all its scripts together."),
    SCRIPT_MISSING("script-missing", "Hook script not in the revision",
            "The agent joins location onto deployment-archive; the file must be in the revision at that path."),
    LOCATION_LEADING_SLASH("location-leading-slash", "location starts with '/'",
            "A leading '/' does not make the location absolute: the agent joins it onto deployment-archive."),
    LOCATION_ESCAPES_ARCHIVE("location-escapes-archive", "location leaves deployment-archive",
            "'..' in location works on agent 1.x when the target exists and is rejected by agent 2.1."),
    LOCATION_BACKSLASH("location-backslash", "Backslash in location", "On Linux a backslash is part of the file name, not a separator."),
    LOCATION_WHITESPACE("location-whitespace", "Space in location", "The agent runs the path unquoted: a space splits it into two words."),
    SCRIPT_CRLF("script-crlf", "Windows line endings in a hook script",
            "A CR after the shebang makes the kernel look for an interpreter that does not exist."),
    SCRIPT_BOM("script-bom", "Byte-order mark before the shebang", "A BOM hides the shebang from the kernel."),
    SCRIPT_NO_SHEBANG("script-no-shebang", "Hook script without a shebang", "Start the script with #!/bin/bash (or the interpreter it needs)."),
    SCRIPT_NOT_EXECUTABLE("script-not-executable", "Hook script not executable",
            "The agent runs chmod +x on the hook script itself, but not on helper scripts it calls."),
    SCRIPT_IS_DIRECTORY("script-is-directory", "location names a directory", "A hook location must name a file."),
    SCRIPT_SPECIAL_FILE("script-special-file", "location names a FIFO or device",
            "A hook location must name a regular file: exec refuses a FIFO, socket or device."),
    BACKGROUND_PROCESS_HOLDS_OUTPUT("background-process-holds-output", "Background process keeps the hook's output open",
            "The agent waits until stdout and stderr close; redirect a background process: > /dev/null 2>&1 < /dev/null &."),
    MODE_OCTAL("mode-octal", "Unquoted mode with a leading zero",
            "YAML 1.1 reads 0644 as the octal number 420; the agent then applies mode 420. Quote the mode."),
    FILES_SOURCE_NOT_IN_BUNDLE("files-source-not-in-revision", "files source not in the revision",
            "Install copies File.join(deployment-archive, source); a missing source fails the Install step."),
    FILES_CONFLICT("files-conflict", "files entries conflict", "Two files entries target the same path."),
    FILES_RELATIVE_DESTINATION("files-relative-destination", "Relative files destination",
            "A relative destination is resolved against the agent's working directory; use an absolute path."),
    FILES_GLOB_SOURCE("files-glob-source", "Glob in files source", "The agent treats source literally; '*' is not expanded."),
    FILES_DESTINATION_NAMES_FILE("files-destination-names-file", "files destination written as a file name",
            "destination is always a directory: a single file is copied into it under its own name."),
    FILE_EXISTS("file-exists", "Destination file already exists",
            "With file_exists_behavior DISALLOW (the default) the Install step fails on a file it did not install itself."),
    PERMISSION_NOT_APPLICABLE("permission-not-applicable", "Permission entry does not fit its object",
            "A permissions entry whose object is a file takes no pattern, no except and no default ACL."),
    PERMISSION_DUPLICATE("permission-duplicate", "Two permissions entries reach the same path",
            "Each installed path may receive permissions from one entry only; overlapping entries fail Install.");

    private final String slug;
    private final String title;
    private final String help;

    DiagnosticCode(String slug, String title, String help) {
        this.slug = slug;
        this.title = title;
        this.help = help;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String help() {
        return help;
    }

    public static Optional<DiagnosticCode> bySlug(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }

    @Override
    public String toString() {
        return slug;
    }
}
