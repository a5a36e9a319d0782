package dev.hooklab.run.agent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.hooklab.run.agent.Sandbox.INSTRUCTIONS;
import static dev.hooklab.run.agent.Sandbox.archive;
import static dev.hooklab.run.agent.Sandbox.files;
import static dev.hooklab.run.agent.Sandbox.layout;
import static dev.hooklab.run.agent.Sandbox.spec;
import static org.assertj.core.api.Assertions.assertThat;

class AgentInstallTest {
    private static final String D1 = "d-AAAAAAAA1";
    private static final String D2 = "d-BBBBBBBB2";
    private static final String CLEANUP = INSTRUCTIONS + "/dg-1234-cleanup";
    private static final String INSTALL_JSON = INSTRUCTIONS + "/dg-1234-install.json";
    private static final String LAST_SUCCESSFUL = INSTRUCTIONS + "/dg-1234_last_successful_install";

    @TempDir
    Path dir;
    private Sandbox sandbox;
    private AgentInstall install;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(dir);
        install = new AgentInstall(sandbox.writes, new FakeHost(true));
    }

    @Test
    void theWholeArchiveGoesToItsDestinationWithModesTimesAndSymlinks() throws IOException {
        sandbox.appspec(D1, spec(files("/", "/var/app/current"), ""))
                .file(D1, "scripts/start.sh", "#!/bin/sh\n", 0755)
                .file(D1, "web/index.html", "<html/>", 0640)
                .symlink(D1, "current.html", "web/index.html");

        InstallResult result = install.install(layout(D1), null, null);

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.read("/var/app/current/web/index.html")).isEqualTo("<html/>");
        assertThat(sandbox.mode("/var/app/current/scripts/start.sh")).isEqualTo(0755);
        assertThat(sandbox.mode("/var/app/current/web/index.html")).isEqualTo(0640);
        assertThat(Files.getLastModifiedTime(sandbox.host("/var/app/current/scripts/start.sh")))
                .isEqualTo(Sandbox.MTIME);
        assertThat(Files.readSymbolicLink(sandbox.host("/var/app/current/current.html")))
                .isEqualTo(Path.of("web/index.html"));
        assertThat(sandbox.read(CLEANUP)).isEqualTo("""
                /var/app
                /var/app/current
                /var/app/current/appspec.yml
                /var/app/current/current.html
                /var/app/current/scripts
                /var/app/current/scripts/start.sh
                /var/app/current/web
                /var/app/current/web/index.html
                """);
        String a = archive(D1);
        assertThat(sandbox.read(INSTALL_JSON)).isEqualTo("{\"instructions\":["
                + "{\"type\":\"mkdir\",\"directory\":\"/var/app\"},"
                + "{\"type\":\"mkdir\",\"directory\":\"/var/app/current\"},"
                + "{\"type\":\"copy\",\"source\":\"" + a + "/appspec.yml\",\"destination\":\"/var/app/current/appspec.yml\"},"
                + "{\"type\":\"copy\",\"source\":\"" + a + "/current.html\",\"destination\":\"/var/app/current/current.html\"},"
                + "{\"type\":\"mkdir\",\"directory\":\"/var/app/current/scripts\"},"
                + "{\"type\":\"copy\",\"source\":\"" + a + "/scripts/start.sh\",\"destination\":\"/var/app/current/scripts/start.sh\"},"
                + "{\"type\":\"mkdir\",\"directory\":\"/var/app/current/web\"},"
                + "{\"type\":\"copy\",\"source\":\"" + a + "/web/index.html\",\"destination\":\"/var/app/current/web/index.html\"}"
                + "]}");
        assertThat(sandbox.read(LAST_SUCCESSFUL)).isEqualTo(layout(D1).deploymentDir())
                .isEqualTo("/opt/codedeploy-agent/deployment-root/dg-1234/d-AAAAAAAA1");
        assertThat(result.counts()).isEqualTo(new InstallCounts(4, 3, 1, 0, 0, 0));
        assertThat(result.instructions()).hasSize(8);
        assertThat(result.cleanup().found()).isFalse();
    }

    @Test
    void aFileSourceLandsInsideItsDestinationAndMissingAncestorsAreCreated() {
        sandbox.appspec(D1, spec(files("config/app.conf", "/etc/app/app.conf"), ""))
                .file(D1, "config/app.conf", "port=80\n", 0600);

        InstallResult result = install.install(layout(D1), null, null);

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.read("/etc/app/app.conf/app.conf")).isEqualTo("port=80\n");
        assertThat(sandbox.read(CLEANUP)).isEqualTo("/etc/app\n/etc/app/app.conf\n/etc/app/app.conf/app.conf\n");
    }

    @Test
    void theSecondDeploymentFirstRemovesWhatTheFirstInstalled() {
        sandbox.appspec(D1, spec(files("/", "/var/app/current"), ""))
                .file(D1, "index.html", "one", 0644)
                .file(D1, "old/only-in-one.txt", "x", 0644);
        sandbox.appspec(D2, spec(files("/", "/var/app/current"), ""))
                .file(D2, "index.html", "two", 0644);

        assertThat(install.install(layout(D1), null, null).succeeded()).isTrue();
        InstallResult second = install.install(layout(D2), null, null);

        assertThat(second.succeeded()).as(second.message()).isTrue();
        assertThat(sandbox.read("/var/app/current/index.html")).isEqualTo("two");
        assertThat(sandbox.exists("/var/app/current/old")).isFalse();
        assertThat(second.cleanup().removed()).containsExactly("/var/app/current/old/only-in-one.txt",
                "/var/app/current/old", "/var/app/current/index.html", "/var/app/current/appspec.yml",
                "/var/app/current", "/var/app");
        assertThat(sandbox.read(CLEANUP)).isEqualTo(
                "/var/app\n/var/app/current\n/var/app/current/appspec.yml\n/var/app/current/index.html\n");
        assertThat(sandbox.read(LAST_SUCCESSFUL)).isEqualTo(layout(D2).deploymentDir());
    }

    @Test
    void aFilePlacedByHandTripsDisallowAfterTheCleanupRan() {
        deployTwiceWithAFilePlacedByHand();

        InstallResult second = install.install(layout(D2), null, null);

        assertThat(second.status()).isEqualTo(InstallResult.Status.FAILED);
        assertThat(second.agentMessage()).contains("The deployment failed because a specified file already exists at "
                + "this location: /var/app/current/notes.txt");
        assertThat(sandbox.exists("/var/app/current/index.html")).isFalse();
        assertThat(sandbox.exists(CLEANUP)).isFalse();
        assertThat(sandbox.read(INSTALL_JSON)).contains(D1).doesNotContain(D2);
        assertThat(sandbox.read(LAST_SUCCESSFUL)).endsWith(D1);
        assertThat(second.notes()).anyMatch(n -> n.contains("neither the old nor the new files"));
    }

    @Test
    void retainKeepsTheFileAndLeavesItOutOfTheCleanupFile() {
        deployTwiceWithAFilePlacedByHand();

        InstallResult second = install.install(layout(D2), null, "retain");

        assertThat(second.succeeded()).isTrue();
        assertThat(sandbox.read("/var/app/current/notes.txt")).isEqualTo("by hand");
        assertThat(sandbox.read(CLEANUP)).doesNotContain("notes.txt").contains("/var/app/current/index.html\n");
        assertThat(second.notes()).anyMatch(n -> n.contains("RETAIN kept 1 existing file(s)"));
    }

    @Test
    void overwriteReplacesTheFileAndRecordsIt() {
        deployTwiceWithAFilePlacedByHand();

        InstallResult second = install.install(layout(D2), null, "OVERWRITE");

        assertThat(second.succeeded()).isTrue();
        assertThat(sandbox.read("/var/app/current/notes.txt")).isEqualTo("from the bundle");
        assertThat(sandbox.read(CLEANUP)).contains("/var/app/current/notes.txt\n");
    }

    @Test
    void theAppSpecsFileExistsBehaviorWinsOverTheDeployments() {
        deployTwiceWithAFilePlacedByHand();
        sandbox.appspec(D2, spec(files("/", "/var/app/current"), "") + "file_exists_behavior: RETAIN\n");

        assertThat(install.install(layout(D2), null, "OVERWRITE").succeeded()).isTrue();
        assertThat(sandbox.read("/var/app/current/notes.txt")).isEqualTo("by hand");
    }

    @Test
    void aSymlinkOverwritingAFileFailsAsFileUtilsSymlinkDoes() {
        deployTwiceWithAFilePlacedByHand();
        sandbox.symlink(D2, "link.txt", "notes.txt").placed("/var/app/current/link.txt", "by hand");

        InstallResult second = install.install(layout(D2), null, "OVERWRITE");

        assertThat(second.agentMessage()).contains(
                "File exists @ rb_file_s_symlink - (notes.txt, /var/app/current/link.txt)");
        assertThat(sandbox.read(CLEANUP)).endsWith("/var/app/current/link.txt\n");
    }

    @Test
    void planningConflictsFailWithTheAgentsMessageBeforeAnythingIsCopied() {
        sandbox.appspec(D1, spec(files("a/x.txt", "/srv") + files("b/x.txt", "/srv"), ""))
                .file(D1, "a/x.txt", "a", 0644).file(D1, "b/x.txt", "b", 0644);

        InstallResult result = install.install(layout(D1), null, null);

        String a = archive(D1);
        assertThat(result.agentMessage()).contains("The deployment failed because the application specification file "
                + "specifies two source files named " + a + "/b/x.txt and " + a + "/a/x.txt for the same destination "
                + "(/srv/x.txt). Remove one of the source file paths from the AppSpec file, and then try again.");
        assertThat(sandbox.exists("/srv/x.txt")).isFalse();
        assertThat(sandbox.exists(INSTALL_JSON)).isFalse();
        assertThat(sandbox.exists(LAST_SUCCESSFUL)).isFalse();
    }

    @Test
    void aMissingSourceFailsWhenItIsCopiedWithRubysError() {
        sandbox.appspec(D1, spec(files("dist/app.jar", "/srv/app"), ""));

        InstallResult result = install.install(layout(D1), null, null);

        assertThat(result.agentMessage()).contains("No such file or directory @ rb_sysopen - " + archive(D1)
                + "/dist/app.jar");
        assertThat(sandbox.read(CLEANUP)).isEqualTo("/srv/app\n/srv/app/app.jar\n");
        assertThat(sandbox.exists(LAST_SUCCESSFUL)).isFalse();
    }

    @Test
    void installReadsAppspecYamlWhenThereIsNoAppspecYml() throws IOException {
        sandbox.file(D1, "appspec.yaml", spec(files("/", "/srv/app"), ""), 0644);

        assertThat(install.install(layout(D1), null, null).succeeded()).isTrue();
        assertThat(sandbox.exists("/srv/app/appspec.yaml")).isTrue();
    }

    @Test
    void withoutAnAppSpecInstallFailsBeforeTheCleanupSoThePreviousFilesStay() {
        sandbox.appspec(D1, spec(files("/", "/srv/app"), "")).file(D1, "index.html", "one", 0644);
        install.install(layout(D1), null, null);
        sandbox.file(D2, "index.html", "two", 0644);

        InstallResult second = install.install(layout(D2), null, null);

        assertThat(second.agentMessage()).contains("No such file or directory @ rb_sysopen - " + archive(D2)
                + "/appspec.yml");
        assertThat(sandbox.read("/srv/app/index.html")).isEqualTo("one");
        assertThat(sandbox.exists(CLEANUP)).isTrue();
        assertThat(second.cleanup().found()).isFalse();
    }

    @Test
    void anInvalidAppSpecFailsWithTheParsersFirstAgentMessage() {
        sandbox.appspec(D1, "version: 0.0\nos: windows\n");

        InstallResult result = install.install(layout(D1), null, null);

        assertThat(result.agentMessage()).hasValue("The deployment failed because the application specification file "
                + "specifies an unsupported operating system (windows). Specify either \"linux\" or \"windows\" in the "
                + "os section of the AppSpec file, and then try again.");
    }

    @Test
    void theDownloadBundleMarkerHoldsTheDeploymentFolderWithoutANewline() throws IOException {
        DeploymentInstructions markers = new DeploymentInstructions(sandbox.writes, layout(D1));

        markers.writeMostRecentInstall();

        assertThat(sandbox.read(INSTRUCTIONS + "/dg-1234_most_recent_install"))
                .isEqualTo("/opt/codedeploy-agent/deployment-root/dg-1234/d-AAAAAAAA1");
        assertThat(markers.mostRecentDeployment()).hasValue(layout(D1).deploymentDir());
        assertThat(markers.lastSuccessfulDeployment()).isEmpty();
    }

    @Test
    void windowsLayoutsAreNotEmulated() {
        var windows = new dev.hooklab.plan.DeploymentLayout(dev.hooklab.appspec.TargetOs.WINDOWS,
                "C:\\ProgramData\\Amazon\\CodeDeploy", "dg", "d-1");

        assertThat(install.install(windows, null, null).status()).isEqualTo(InstallResult.Status.NOT_EMULATED);
    }

    /** D1 installs index.html; then someone puts notes.txt next to it; D2 brings both. */
    private void deployTwiceWithAFilePlacedByHand() {
        sandbox.appspec(D1, spec(files("/", "/var/app/current"), "")).file(D1, "index.html", "one", 0644);
        assertThat(install.install(layout(D1), null, null).succeeded()).isTrue();
        sandbox.placed("/var/app/current/notes.txt", "by hand");
        sandbox.appspec(D2, spec(files("/", "/var/app/current"), ""))
                .file(D2, "index.html", "two", 0644)
                .file(D2, "notes.txt", "from the bundle", 0644);
    }
}
