package dev.hooklab.run.session;

import dev.hooklab.bundle.TestRevision;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.IsolationProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.hooklab.run.session.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code --previous BUNDLE} deploys the earlier revision as a real earlier deployment of the group: a stable id,
 * its whole lifecycle with its hooks and logs, so the sandbox is the one two real runs in a row leave.
 */
@Tag("process")
@Tag("bwrap")
class PreviousDeploymentTest {
    private static final String GROUP = "f808110e-bfcb-4ea9-a1f0-6377570718ec";
    private static final String ROOT = "opt/codedeploy-agent/deployment-root/";

    @TempDir
    Path tmp;

    private static TestRevision revision(String version, boolean hooksWrite) {
        String hook = "#!/bin/bash\necho \"" + version + " $LIFECYCLE_EVENT $DEPLOYMENT_ID\"\necho \"err " + version
                + "\" >&2\n" + (hooksWrite ? "echo \"$LIFECYCLE_EVENT $DEPLOYMENT_ID\" >> /var/app/current/events.txt\n" : "");
        return TestRevision.withAppSpec("""
                        version: 0.0
                        os: linux
                        files:
                          - source: /site
                            destination: /var/app/current
                        hooks:
                          ApplicationStop:
                            - location: scripts/hook.sh
                          BeforeInstall:
                            - location: scripts/before.sh
                          AfterInstall:
                            - location: scripts/hook.sh
                          ApplicationStart:
                            - location: scripts/hook.sh
                          ValidateService:
                            - location: scripts/hook.sh
                        """).file("site/index.html", version + "\n").file("site/" + version + ".txt", version)
                .script("scripts/hook.sh", hook)
                // before Install the destination may not exist yet: only note it
                .script("scripts/before.sh", "#!/bin/bash\necho \"before " + version + " $DEPLOYMENT_ID\"\n");
    }

    @Test
    void previousLeavesTheTreeTwoRealRunsInOneSandboxLeaveWithoutIsolation() throws IOException {
        sameTreeBothWays("none", false);
    }

    @Test
    void previousLeavesTheTreeTwoRealRunsInOneSandboxLeaveUnderBubblewrap() throws IOException {
        assumeThat(new IsolationProbe(new HostAccounts()).bubblewrapProblem()).as("bubblewrap works here").isNull();
        sameTreeBothWays("bwrap", true);
    }

    private void sameTreeBothWays(String isolation, boolean hooksWrite) throws IOException {
        Path old = revision("v1", hooksWrite).zip(tmp, "v1.zip");
        Path current = revision("v2", hooksWrite).zip(tmp, "v2.zip");
        String[] common = {"--format", "json", "--isolation", isolation, "--deployment-group-id", GROUP,
                "--bundle-var", "BUNDLE_BUCKET=releases", "--bundle-var", "BUNDLE_KEY=app.zip"};

        Path twoRuns = tmp.resolve("two-runs");
        RunCommandTest.Result first = run(concat(new String[]{old.toString(), "--sandbox", twoRuns.toString(),
                "--deployment-id", "d-PREVIOUS0"}, common));
        assertThat(first.exit()).as(first.err() + first.out()).isZero();
        RunCommandTest.Result second = run(concat(new String[]{current.toString(), "--sandbox", twoRuns.toString(),
                "--deployment-id", "d-CURRENT01"}, common));
        assertThat(second.exit()).as(second.err() + second.out()).isZero();

        Path withPrevious = tmp.resolve("with-previous");
        RunCommandTest.Result r = run(concat(new String[]{current.toString(), "--previous", old.toString(),
                "--sandbox", withPrevious.toString(), "--deployment-id", "d-CURRENT01"}, common));
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.step("ApplicationStop").get("scripts").get(0).get("stdout").asText())
                .isEqualTo("v1 ApplicationStop d-CURRENT01\n");

        Map<String, String> expected = tree(twoRuns);
        Map<String, String> actual = tree(withPrevious);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, what) -> assertThat(actual.get(path)).as(path).isEqualTo(what));
        // and the tree is the agent's: both deployments with their logs and downloaded bundles
        assertThat(expected).containsKeys(ROOT + GROUP + "/d-PREVIOUS0/logs/scripts.log",
                ROOT + GROUP + "/d-PREVIOUS0/bundle.tar", ROOT + GROUP + "/d-CURRENT01/bundle.tar",
                ROOT + "deployment-logs/codedeploy-agent-deployments.log");
        assertThat(Files.readAllBytes(withPrevious.resolve(ROOT + GROUP + "/d-PREVIOUS0/bundle.tar")))
                .isEqualTo(Files.readAllBytes(old));
        assertThat(expected.get(ROOT + GROUP + "/d-PREVIOUS0/logs/scripts.log"))
                .contains("LifecycleEvent - ValidateService", "[stdout]v1 ValidateService d-PREVIOUS0");
        if (hooksWrite) {
            assertThat(withPrevious.resolve("var/app/current/events.txt")).hasContent("""
                    AfterInstall d-PREVIOUS0
                    ApplicationStart d-PREVIOUS0
                    ValidateService d-PREVIOUS0
                    ApplicationStop d-CURRENT01
                    AfterInstall d-CURRENT01
                    ApplicationStart d-CURRENT01
                    ValidateService d-CURRENT01""");
        }
    }

    @Test
    void thePreviousDeploymentHasAStableIdThatCanBeChosenAndIsChecked() throws IOException {
        Path old = revision("v1", false).folder(tmp, "v1");
        Path current = revision("v2", false).folder(tmp, "v2");
        RunCommandTest.Result r = run(current.toString(), "--previous", old.toString(), "--format", "json",
                "--isolation", "none", "--events", "ApplicationStop,DownloadBundle");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.step("ApplicationStop").get("notes").toString()).contains("/d-PREVIOUS0");

        RunCommandTest.Result chosen = run(current.toString(), "--previous", old.toString(), "--format", "json",
                "--isolation", "none", "--events", "ApplicationStop,DownloadBundle", "--previous-deployment-id", "d-EARLIER01");
        assertThat(chosen.step("ApplicationStop").get("notes").toString()).contains("/d-EARLIER01");
        assertThat(chosen.json().get("notes").toString()).contains("deployment d-EARLIER01 (ApplicationStop, "
                + "DownloadBundle, BeforeInstall, Install, AfterInstall, ApplicationStart, ValidateService)");

        for (String[] bad : new String[][]{
                {"--previous", old.toString(), "--previous-deployment-id", "previous"},
                {"--previous", old.toString(), "--previous-deployment-id", "d-SAME00000", "--deployment-id", "d-SAME00000"},
                {"--previous-deployment-id", "d-EARLIER01"}}) {
            RunCommandTest.Result refused = run(concat(new String[]{current.toString(), "--isolation", "none"}, bad));
            assertThat(refused.exit()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(refused.err().trim()).doesNotContain("\n").contains("previous");
        }
    }

    @Test
    void aPreviousDeploymentThatFailedAfterInstallIsStillTheLastSuccessfulOne() throws IOException {
        Path old = revision("v1", false).script("scripts/hook.sh", "#!/bin/bash\n[ \"$LIFECYCLE_EVENT\" != "
                + "ValidateService ] || exit 4\necho \"old $LIFECYCLE_EVENT\"\n").folder(tmp, "v1");
        Path current = revision("v2", false).folder(tmp, "v2");
        RunCommandTest.Result r = run(current.toString(), "--previous", old.toString(), "--format", "json",
                "--isolation", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.step("ApplicationStop").get("scripts").get(0).get("stdout").asText())
                .isEqualTo("old ApplicationStop\n");
        assertThat(r.json().get("notes").toString()).contains("failed in ValidateService: Script at specified "
                + "location: scripts/hook.sh failed with exit code 4");

        Path broken = revision("v1", false).script("scripts/before.sh", "#!/bin/bash\nexit 5\n").folder(tmp, "v0");
        RunCommandTest.Result refused = run(current.toString(), "--previous", broken.toString(), "--isolation", "none");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("BeforeInstall: Script at specified location: scripts/before.sh failed "
                + "with exit code 5");
    }

    /**
     * A log with each run of output lines sorted: which of a script's stdout and stderr lines is read first is a
     * race, for the agent as for hooklab (two pipes, two reader threads).
     */
    private static String outputRunsSorted(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean output = i < lines.size() && lines.get(i).matches(".*\\[(stdout|stderr)\\].*");
            if (!output) {
                lines.subList(start, i).sort(null);
                start = i + 1;
            }
        }
        return String.join("\n", lines);
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** Every path under the sandbox (hooklab's own folder left out): its kind, mode and content, times masked. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty() || rel.equals(".hooklab") || rel.startsWith(".hooklab/")) {
                    continue;
                }
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isSymbolicLink(p)) {
                    tree.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tree.put(rel, "dir " + mode);
                } else {
                    String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)
                            .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?( [+-]\\d{4})?", "<time>");
                    tree.put(rel, "file " + mode + " " + outputRunsSorted(text));
                }
            }
        }
        return tree;
    }
}
