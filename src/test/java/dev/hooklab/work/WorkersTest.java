package dev.hooklab.work;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** hooklab's one source of threads. */
class WorkersTest {
    @Test
    void daemonsAreNamedDaemonThreadsThatStartOnlyWhenAsked() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread thread = Workers.daemons().thread("hooklab-test", ran::countDown);

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("hooklab-test");
        assertThat(thread.getState()).isEqualTo(Thread.State.NEW);
        thread.start();
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anExecutorsThreadsComeFromTheFactory() throws Exception {
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor(Workers.daemons().factory("hooklab-pool"));
        try {
            Thread used = pool.submit(Thread::currentThread).get(30, TimeUnit.SECONDS);
            assertThat(used.getName()).isEqualTo("hooklab-pool");
            assertThat(used.isDaemon()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
