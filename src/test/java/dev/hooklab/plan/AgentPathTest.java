package dev.hooklab.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentPathTest {
    private static final String ARCHIVE = "/opt/codedeploy-agent/deployment-root/g/d-1/deployment-archive";

    @Test
    void leadingSlashStaysInsideTheArchive() {
        assertThat(AgentPath.POSIX.join(ARCHIVE, "/var/app/current/start.sh"))
                .isEqualTo(ARCHIVE + "/var/app/current/start.sh");
        assertThat(AgentPath.POSIX.join(ARCHIVE, "//scripts//x.sh")).isEqualTo(ARCHIVE + "/scripts/x.sh");
    }

    @Test
    void dotsResolveLexicallyAndStopAtTheRoot() {
        assertThat(AgentPath.POSIX.join(ARCHIVE, "./scripts/./x.sh")).isEqualTo(ARCHIVE + "/scripts/x.sh");
        assertThat(AgentPath.POSIX.join(ARCHIVE, "../logs/x")).isEqualTo("/opt/codedeploy-agent/deployment-root/g/d-1/logs/x");
        assertThat(AgentPath.POSIX.join(ARCHIVE, "../../../../../../../../var/x.sh")).isEqualTo("/var/x.sh");
    }

    @Test
    void backslashIsAFileNameCharacterOnLinuxAndASeparatorOnWindows() {
        assertThat(AgentPath.POSIX.join(ARCHIVE, "scripts\\x.sh")).isEqualTo(ARCHIVE + "/scripts\\x.sh");
        assertThat(AgentPath.WINDOWS.join("C:\\ProgramData\\Amazon\\CodeDeploy\\g\\d\\deployment-archive", "scripts\\x.ps1"))
                .isEqualTo("C:/ProgramData/Amazon/CodeDeploy/g/d/deployment-archive/scripts/x.ps1");
    }

    @Test
    void relativePathsExpandAgainstTheWorkingDirectory() {
        assertThat(AgentPath.POSIX.expand("app/current", "/")).isEqualTo("/app/current");
        assertThat(AgentPath.POSIX.expand("/var/www/", "/")).isEqualTo("/var/www");
    }

    @Test
    void dirnameAndBasenameAsRuby() {
        assertThat(AgentPath.dirname("/var/app")).isEqualTo("/var");
        assertThat(AgentPath.dirname("/var")).isEqualTo("/");
        assertThat(AgentPath.basename(ARCHIVE + "/")).isEqualTo("deployment-archive");
        assertThat(AgentPath.basename("/a/b.txt")).isEqualTo("b.txt");
    }
}
