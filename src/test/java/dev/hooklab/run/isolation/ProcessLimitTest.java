package dev.hooklab.run.isolation;

import dev.hooklab.run.HostAccounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where hooklab finds a pids controller, and the cgroup it makes per hook. */
class ProcessLimitTest {
    @TempDir
    Path dir;

    @Test
    void findsTheV1PidsHierarchyAndSkipsAUnifiedOneWithoutPids() throws Exception {
        Path unified = Files.createDirectories(dir.resolve("unified"));
        Files.writeString(unified.resolve("cgroup.subtree_control"), "\n");
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Path mountInfo = Files.writeString(dir.resolve("mountinfo"), String.join("\n",
                "22 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
                "37 30 0:35 / " + unified + " rw,relatime - cgroup2 cgroup2 rw",
                "38 30 0:36 / " + dir.resolve("memory") + " rw,relatime - cgroup cgroup rw,memory",
                "39 30 0:37 / " + pids + " rw,relatime shared:9 - cgroup cgroup rw,pids", ""));

        assertThat(ProcessLimit.pidsHierarchy(mountInfo)).contains(pids);
    }

    @Test
    void prefersCgroupV2WhenItsRootHandsOutPids() throws Exception {
        Path v2 = Files.createDirectories(dir.resolve("cgroup"));
        Files.writeString(v2.resolve("cgroup.subtree_control"), "cpuset cpu io memory pids\n");
        Path mountInfo = Files.writeString(dir.resolve("mountinfo"), String.join("\n",
                "39 30 0:37 / " + dir.resolve("pids") + " rw - cgroup cgroup rw,pids",
                "40 30 0:38 / " + v2 + " rw,nosuid - cgroup2 cgroup2 rw,nsdelegate", ""));

        assertThat(ProcessLimit.pidsHierarchy(mountInfo)).contains(v2);
    }

    @Test
    void noControllerMeansNoCgroup() throws Exception {
        Path mountInfo = Files.writeString(dir.resolve("mountinfo"), "22 1 254:0 / / rw - ext4 /dev/vda rw\n");

        assertThat(ProcessLimit.pidsHierarchy(mountInfo)).isEmpty();
        assertThat(ProcessLimit.find(false).usesCgroup()).isFalse();
        assertThat(ProcessLimit.find(false).create()).isEmpty();
    }

    @Test
    void asRootEachHookGetsACgroupWithTheLimitThatIsRemovedAfterwards() throws Exception {
        ProcessLimit limit = ProcessLimit.find(true);
        assumeTrue(new HostAccounts().isRoot() && limit.usesCgroup(), "needs root and a pids controller");

        Optional<Path> cgroup = limit.create();

        assertThat(cgroup).isPresent();
        assertThat(Files.readString(cgroup.get().resolve("pids.max")).trim())
                .isEqualTo(Integer.toString(ProcessLimit.MAX_PROCESSES));
        assertThat(ProcessLimit.refusals(cgroup.get())).isZero();
        ProcessLimit.remove(cgroup.get());
        assertThat(cgroup.get()).doesNotExist();
    }
}
