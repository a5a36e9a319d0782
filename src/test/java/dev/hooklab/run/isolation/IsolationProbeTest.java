package dev.hooklab.run.isolation;

import dev.hooklab.run.HostAccounts;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The trial sandbox that decides whether bubblewrap can run hooks here, with all of its confinement. */
@Tag("process")
@Tag("bwrap")
class IsolationProbeTest {
    @TempDir
    Path dir;

    @Test
    void aBwrapThatCannotInstallTheSeccompProgramIsNotUsed() throws Exception {
        // a bwrap that starts sandboxes but, like one on a kernel without seccomp, refuses --seccomp
        Path bwrap = Files.writeString(dir.resolve("bwrap"), """
                #!/bin/sh
                for word in "$@"; do
                    if [ "$word" = --seccomp ]; then echo "bwrap: seccomp not supported" >&2; exit 1; fi
                done
                exit 0
                """);
        Files.setPosixFilePermissions(bwrap, PosixFilePermissions.fromString("rwxr-xr-x"));

        String problem = new IsolationProbe(new HostAccounts()).trial(bwrap);

        assertThat(problem).isEqualTo("a trial bwrap sandbox failed (bwrap: seccomp not supported)");
    }

    @Test
    void theRealBwrapPassesTheTrialAndAutoChoosesIt() {
        IsolationProbe probe = new IsolationProbe(new HostAccounts());
        assumeTrue(new HostAccounts().onPath("bwrap").isPresent(), "bubblewrap is not installed");

        assertThat(probe.bubblewrapProblem()).isNull();
        assertThat(probe.choose("auto", false).name()).isEqualTo("bwrap");
    }
}
