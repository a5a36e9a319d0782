package dev.hooklab.run.shell;

import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.run.session.RunRequest;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepSession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test-only: a small revision whose Install places files under /var/app/current and whose hooks print, wait while a
 * test holds them ({@link #hold}) and fail on purpose, and real sessions of it built as the window builds them.
 */
public final class InstalledRevision {
    public static final String APPSPEC = """
            version: 0.0
            os: linux
            files:
              - source: app
                destination: /var/app/current
            hooks:
              BeforeInstall:
                - location: scripts/before.sh
                  timeout: 60
              AfterInstall:
                - location: scripts/after.sh
                  timeout: 120
                - location: scripts/check.sh
              ApplicationStart:
                - location: scripts/start.sh
                  timeout: 30
            """;

    private InstalledRevision() {
    }

    /** Writes the revision into {@code dir}: {@code app/index.html}, {@code app/conf/app.properties}, four scripts. */
    public static Path write(Path dir) throws IOException {
        return RevisionFolder.with(APPSPEC)
                .script("app/index.html", "<h1>hello</h1>\n")
                .script("app/conf/app.properties", "port=8080\n")
                .script("scripts/before.sh", "#!/bin/bash\necho before on $LIFECYCLE_EVENT\n")
                .script("scripts/after.sh", "#!/bin/bash\necho after\nls /var/app/current\necho oops >&2\n")
                // waits while a test holds it: a file "hold" beside it (hold())
                .script("scripts/check.sh", "#!/bin/bash\necho checking\n"
                        + "while [ -e \"$(dirname \"$0\")/hold\" ]; do sleep 0.1; done\n")
                .script("scripts/start.sh", "#!/bin/bash\necho starting\nexit 3\n")
                .writeTo(dir);
    }

    /** A session of the revision in {@code tmp}, its sandbox kept in {@code tmp/sandbox}. */
    public static SessionBuilder.Prepared prepare(Path tmp, String isolation, SessionListener listener)
            throws Exception {
        return prepare(tmp, isolation, false, listener);
    }

    /** A session of the revision in {@code tmp}, its hooks on the network or not (bubblewrap). */
    public static SessionBuilder.Prepared prepare(Path tmp, String isolation, boolean network,
                                                  SessionListener listener) throws Exception {
        return prepare(tmp, isolation, network, null, listener);
    }

    /** A session of the revision in {@code tmp} with an older revision ({@code previous}, or null) deployed first. */
    public static SessionBuilder.Prepared prepare(Path tmp, String isolation, boolean network, Path previous,
                                                  SessionListener listener) throws Exception {
        return prepare(tmp, isolation, network, previous, null, listener);
    }

    /** A session of the revision in {@code tmp} whose scripts' deadlines are capped at {@code maxTimeout} seconds. */
    public static SessionBuilder.Prepared prepareCapped(Path tmp, String isolation, int maxTimeout,
                                                        SessionListener listener) throws Exception {
        return prepare(tmp, isolation, false, null, maxTimeout, listener);
    }

    private static SessionBuilder.Prepared prepare(Path tmp, String isolation, boolean network, Path previous,
                                                   Integer maxTimeout, SessionListener listener) throws Exception {
        RunRequest request = new RunRequest(previous, null, List.of(), tmp.resolve("sandbox"), isolation, network,
                maxTimeout, "app", "LocalFleet", Map.of(), null, true, null);
        return TestSessions.build(write(tmp.resolve("rev")), request, listener);
    }

    /** Where the file is that keeps scripts/check.sh running while it exists. */
    public static Path hold(StepSession session) {
        return session.sandbox().host(session.target().layout().archiveDir() + "/scripts/hold");
    }
}
