package dev.hooklab.run.agent;

import dev.hooklab.run.HostAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.hooklab.run.agent.Sandbox.INSTRUCTIONS;
import static dev.hooklab.run.agent.Sandbox.files;
import static dev.hooklab.run.agent.Sandbox.layout;
import static dev.hooklab.run.agent.Sandbox.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class InstallPermissionsTest {
    private static final String D1 = "d-AAAAAAAA1";
    private static final String APP = "/srv/app";

    @TempDir
    Path dir;
    private Sandbox sandbox;
    private FakeHost host;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(dir);
        host = new FakeHost(true);
        sandbox.file(D1, "run.sh", "#!/bin/sh\n", 0644)
                .file(D1, "skip.sh", "#!/bin/sh\n", 0644)
                .file(D1, "bin/deep.sh", "#!/bin/sh\n", 0644)
                .file(D1, "web/index.html", "<html/>", 0644);
    }

    private InstallResult install(String permissions) {
        sandbox.appspec(D1, spec(files("/", APP), permissions));
        return new AgentInstall(sandbox.writes, host).install(layout(D1), null, null);
    }

    @Test
    void aPatternOtherThanDoubleStarReachesImmediateChildrenOnlyAndNeverTheObject() {
        InstallResult result = install("""
                  - object: /srv/app
                    pattern: "*.sh"
                    except: ["skip*"]
                    type: [file]
                    mode: "750"
                """);

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(sandbox.mode(APP + "/run.sh")).isEqualTo(0750);
        assertThat(sandbox.mode(APP + "/skip.sh")).isEqualTo(0644);
        assertThat(sandbox.mode(APP + "/bin/deep.sh")).isEqualTo(0644);
        assertThat(result.counts().modesSet()).isEqualTo(1);
    }

    @Test
    void doubleStarReachesEveryCreatedDescendantButNotTheObject() {
        InstallResult result = install("""
                  - object: /srv/app
                    type: [directory]
                    mode: "700"
                """);

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.mode(APP + "/bin")).isEqualTo(0700);
        assertThat(sandbox.mode(APP + "/web")).isEqualTo(0700);
        assertThat(sandbox.mode(APP)).isNotEqualTo(0700);
        assertThat(sandbox.mode(APP + "/run.sh")).isEqualTo(0644);
    }

    @Test
    void anUnquotedOctalModeIsAppliedAsTheAgentReadsIt() {
        InstallResult result = install("""
                  - object: /srv/app/run.sh
                    mode: 4755
                """);

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.mode(APP + "/run.sh")).isEqualTo(04755);
        assertThat(sandbox.read(INSTRUCTIONS + "/dg-1234-install.json"))
                .contains("{\"type\":\"chmod\",\"mode\":\"4755\",\"file\":\"/srv/app/run.sh\"}");
    }

    @Test
    void chownAppliesAsRootToAccountsThatExistHere() {
        HostAccounts accounts = new HostAccounts();
        LocalInstallHost local = new LocalInstallHost(accounts);
        assumeTrue(accounts.isRoot(), "chown needs root");
        assumeTrue(local.userId("nobody").isPresent() && local.groupId("nogroup").isPresent());
        sandbox.appspec(D1, spec(files("/", APP), """
                  - object: /srv/app
                    pattern: "*.sh"
                    owner: nobody
                    group: nogroup
                """));

        InstallResult result = new AgentInstall(sandbox.writes, local).install(layout(D1), null, null);

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.uid(APP + "/run.sh")).isEqualTo(local.userId("nobody").getAsInt());
        assertThat(sandbox.gid(APP + "/run.sh")).isEqualTo(local.groupId("nogroup").getAsInt());
        assertThat(sandbox.uid(APP + "/web/index.html")).isEqualTo(0);
        assertThat(result.counts().ownersSet()).isEqualTo(2);
        assertThat(result.notApplied()).isEmpty();
    }

    @Test
    void aMissingUserIsReportedWithTheAgentsError() {
        host.groups.put("web", 1234);
        InstallResult result = install("""
                  - object: /srv/app/run.sh
                    owner: ghost
                    group: web
                """);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.notApplied()).singleElement().satisfies(n -> {
            assertThat(n.command()).isEqualTo("chown");
            assertThat(n.path()).isEqualTo("/srv/app/run.sh");
            assertThat(n.reason()).contains("can't find user for ghost");
        });
        assertThat(sandbox.read(INSTRUCTIONS + "/dg-1234-install.json"))
                .contains("{\"type\":\"chown\",\"owner\":\"ghost\",\"group\":\"web\",\"file\":\"/srv/app/run.sh\"}");
    }

    @Test
    void withoutRootChownIsReportedNotApplied() {
        host.root = false;
        host.users.put("app", 1000);
        InstallResult result = install("""
                  - object: /srv/app/run.sh
                    owner: app
                """);

        assertThat(result.notApplied()).singleElement().satisfies(n -> assertThat(n.reason()).contains("not running as root"));
    }

    @Test
    void withoutSetfaclTheAgentsCommandIsReported() {
        InstallResult result = install("""
                  - object: /srv/app/web
                    acls: ["u:bob:rwx", "d:g:dev:5"]
                    type: [directory]
                """ + """
                  - object: /srv/app/run.sh
                    acls: ["u:bob:6"]
                """);

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.notApplied()).extracting(NotApplied::reason).containsExactly(
                "setfacl is not installed on this machine. The agent runs: setfacl --set user:bob:rw-,user::rw-,"
                        + "group::r--,other::r--,mask::r-- /srv/app/run.sh (on an instance without setfacl that "
                        + "command fails, and the deployment with it).");
        assertThat(sandbox.read(INSTRUCTIONS + "/dg-1234-install.json"))
                .contains("{\"type\":\"setfacl\",\"acl\":[\"user:bob:rw-\"],\"file\":\"/srv/app/run.sh\"}");
    }

    @Test
    void withSetfaclTheFullAclIsSetAndItsEntriesPileUpAsInTheAgent() throws IOException {
        Path calls = dir.resolve("setfacl-calls");
        host.commands.put("setfacl", fakeSetfacl(calls, 0));
        sandbox.file(D1, "web/about.html", "<html/>", 0600);

        InstallResult result = install("""
                  - object: /srv/app/web
                    acls: ["u:bob:rwx"]
                """);

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.counts().aclsSet()).isEqualTo(2);
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).containsExactly(
                "--set user:bob:rwx,user::rw-,group::---,other::---,mask::--- " + sandbox.host(APP + "/web/about.html"),
                "--set user:bob:rwx,user::rw-,group::---,other::---,mask::---,user::rw-,group::r--,other::r-- "
                        + sandbox.host(APP + "/web/index.html"));
    }

    @Test
    void aFailingSetfaclFailsTheDeploymentWithTheAgentsMessage() throws IOException {
        host.commands.put("setfacl", fakeSetfacl(dir.resolve("calls"), 1));

        InstallResult result = install("""
                  - object: /srv/app/run.sh
                    acls: ["g:dev:r"]
                """);

        assertThat(result.agentMessage()).hasValueSatisfying(m -> assertThat(m).startsWith(
                "The deployment failed because of a problem with the acls permission settings in the application "
                        + "specification file for this object: /srv/app/run.sh. Failed command: setfacl --set "
                        + "group:dev:r--,user::rw-,group::r--,other::r--,mask::r-- /srv/app/run.sh. Exit code: pid ")
                .endsWith(" exit 1"));
        assertThat(sandbox.exists(INSTRUCTIONS + "/dg-1234_last_successful_install")).isFalse();
    }

    @Test
    void theRealMachineEitherSetsTheAclOrSaysWhyNot() {
        LocalInstallHost local = new LocalInstallHost(new HostAccounts());
        sandbox.appspec(D1, spec(files("/", APP), """
                  - object: /srv/app/run.sh
                    acls: ["u:root:r"]
                """));

        InstallResult result = new AgentInstall(sandbox.writes, local).install(layout(D1), null, null);

        if (local.command("setfacl").isPresent()) {
            assertThat(result.counts().aclsSet() + result.notApplied().size()).isEqualTo(1);
        } else {
            assertThat(result.notApplied()).singleElement()
                    .satisfies(n -> assertThat(n.reason()).startsWith("setfacl is not installed"));
        }
    }

    @Test
    void selinuxContextsAreReportedWithTheAgentsCommands() {
        InstallResult result = install("""
                  - object: /srv/app/run.sh
                    context:
                      name: system_u
                      type: httpd_sys_content_t
                      range: s0-s0:c3,c0.c2
                """);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.notApplied()).singleElement().satisfies(n -> assertThat(n.reason()).contains(
                "semanage fcontext -a -s system_u -t httpd_sys_content_t -r s0:c0.c3 /srv/app/run.sh, then "
                        + "restorecon -v /srv/app/run.sh"));
        assertThat(sandbox.read(INSTRUCTIONS + "/dg-1234-install.json")).contains("{\"type\":\"semanage\",\"context\":"
                + "{\"user\":\"system_u\",\"role\":null,\"type\":\"httpd_sys_content_t\",\"range\":\"s0:c0.c3\"},"
                + "\"file\":\"/srv/app/run.sh\"}");
    }

    @Test
    void aContextWithoutRangeBreaksTheAgentsInstallJson() {
        InstallResult result = install("""
                  - object: /srv/app/run.sh
                    context:
                      type: httpd_sys_content_t
                """);

        assertThat(result.agentMessage()).hasValue("undefined method 'get_range' for nil");
        assertThat(sandbox.read(INSTRUCTIONS + "/dg-1234-install.json")).isEmpty();
        assertThat(sandbox.exists(INSTRUCTIONS + "/dg-1234-cleanup")).isFalse();
        assertThat(sandbox.exists(APP + "/run.sh")).isFalse();
    }

    /** A setfacl that records its arguments and exits with {@code status}. */
    private static Path fakeSetfacl(Path calls, int status) throws IOException {
        Path script = calls.resolveSibling("setfacl-" + status);
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexit " + status + "\n");
        Files.setAttribute(script, "unix:mode", 0755);
        return script;
    }
}
