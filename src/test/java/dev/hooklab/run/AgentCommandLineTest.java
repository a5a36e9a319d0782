package dev.hooklab.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's command string and how Ruby's spawn runs it. */
class AgentCommandLineTest {
    private static final String PATH = "/opt/codedeploy-agent/deployment-root/g/d/deployment-archive/scripts/start.sh";

    @Test
    void buildsTheFourFormsOfLinuxUtil() {
        assertThat(new AgentCommand(null, false).forPath(PATH)).isEqualTo(PATH);
        assertThat(new AgentCommand(null, true).forPath(PATH)).isEqualTo("sudo " + PATH);
        assertThat(new AgentCommand("ec2-user", false).forPath(PATH)).isEqualTo("su ec2-user -c " + PATH);
        assertThat(new AgentCommand("ec2-user", true).forPath(PATH)).isEqualTo("sudo su ec2-user -c " + PATH);
    }

    @Test
    void withoutMetacharactersTheStringIsSplitOnWhitespace() {
        assertThat(SpawnLine.of("sudo su ec2-user -c " + PATH))
                .isEqualTo(new SpawnLine(List.of("sudo", "su", "ec2-user", "-c", PATH), false));
        assertThat(SpawnLine.of("/a/my script.sh").argv()).containsExactly("/a/my", "script.sh");
        assertThat(SpawnLine.of("/a/tab\tbed").argv()).containsExactly("/a/tab", "bed");
    }

    @Test
    void metacharactersSendTheWholeStringToSh() {
        for (String command : List.of("/a/$x.sh", "/a/b;c", "/a/it's", "/a/(1).sh", "/a/b*", "/a/#1", "/a/~b",
                "/a/b&c", "/a/b|c", "/a/b\\c", "/a/b`c`", "/a/\"q\"", "/a/b{c}", "/a/b[c]", "/a/b<c", "/a/b?")) {
            assertThat(SpawnLine.of(command)).as(command)
                    .isEqualTo(new SpawnLine(List.of("/bin/sh", "-c", command), true));
        }
    }

    @Test
    void anAssignmentInTheFirstWordGoesToShButNotAfterASlash() {
        assertThat(SpawnLine.of("X=1 /a/b").viaShell()).isTrue();
        assertThat(SpawnLine.of("/a/x=1.sh").viaShell()).isFalse();
        assertThat(SpawnLine.of("su a=b -c /x").viaShell()).isFalse();
    }
}
