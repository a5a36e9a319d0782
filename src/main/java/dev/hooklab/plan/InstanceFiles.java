package dev.hooklab.plan;

import java.util.Set;

/** What already exists on the instance, for the Install step's checks (missing ancestors, file_exists_behavior). */
public interface InstanceFiles {

    boolean exists(String absolutePath);

    boolean isDirectory(String absolutePath);

    /** A fresh Linux instance: the usual system folders and nothing of the application. */
    InstanceFiles FRESH_LINUX = new InstanceFiles() {
        private final Set<String> dirs = Set.of("/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64",
                "/media", "/mnt", "/opt", "/opt/codedeploy-agent", "/proc", "/root", "/run", "/sbin", "/srv", "/sys",
                "/tmp", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/local/lib",
                "/usr/sbin", "/usr/share", "/var", "/var/cache", "/var/lib", "/var/log", "/var/opt", "/var/tmp");

        @Override
        public boolean exists(String absolutePath) {
            return dirs.contains(absolutePath);
        }

        @Override
        public boolean isDirectory(String absolutePath) {
            return dirs.contains(absolutePath);
        }
    };

    /** A fresh Windows instance: only drive roots. */
    InstanceFiles FRESH_WINDOWS = new InstanceFiles() {
        @Override
        public boolean exists(String absolutePath) {
            return absolutePath.matches("[A-Z]:/?");
        }

        @Override
        public boolean isDirectory(String absolutePath) {
            return exists(absolutePath);
        }
    };
}
