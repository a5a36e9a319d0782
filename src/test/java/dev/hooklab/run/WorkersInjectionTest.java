package dev.hooklab.run;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.BundleReader;
import dev.hooklab.bundle.extract.BundleExtractor;
import dev.hooklab.bundle.extract.ExtractionLimits;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.process.HookStarter;
import dev.hooklab.work.Workers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's threads come from the {@link Workers} it is given, so a test or the window can swap them. */
@Tag("process")
class WorkersInjectionTest {
    @TempDir
    Path dir;

    /** Daemon threads, each name remembered. */
    static final class Recording implements Workers {
        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public Thread thread(String name, Runnable task) {
            names.add(name);
            return Workers.daemons().thread(name, task);
        }
    }

    @Test
    void aHooksOutputReadersComeFromTheGivenWorkers() throws Exception {
        HookSandbox sandbox = new HookSandbox(dir.resolve("sandbox"));
        sandbox.script("hello.sh", "#!/bin/sh\necho hello\necho there >&2\n", true);
        Recording workers = new Recording();
        HookRunner runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), new HostAccounts(),
                sandbox.files(), HookStarter.find(new HostAccounts(), workers));

        ScriptRun run = sandbox.run(runner, sandbox.call("hello.sh", 60));

        assertThat(run.stdout().text()).isEqualTo("hello\n");
        assertThat(run.stderr().text()).isEqualTo("there\n");
        assertThat(workers.names).hasSize(2).anyMatch(n -> n.endsWith("-stdout")).anyMatch(n -> n.endsWith("-stderr"));
    }

    @Test
    void readingAndExtractingATgzUseTheGivenWorkers() throws Exception {
        TestRevision revision = TestRevision.withAppSpec("version: 0.0\nos: linux\n");
        for (int i = 0; i < 8; i++) {
            revision = revision.file("data/f" + i + ".txt", "file " + i + "\n");
        }
        Path tgz = revision.tgz(dir, "app.tgz");
        Recording reading = new Recording();
        Recording writing = new Recording();

        Bundle bundle = new BundleReader(reading).open(tgz);
        new BundleExtractor(new ExtractionLimits(1L << 30, 2), writing).extract(bundle, dir.resolve("archive"));

        assertThat(reading.names).isNotEmpty().allMatch("hooklab-inflate"::equals);
        assertThat(writing.names).isNotEmpty().allMatch(n -> n.startsWith("hooklab-write-behind-"));
        assertThat(dir.resolve("archive/data/f7.txt")).hasContent("file 7");
    }
}
