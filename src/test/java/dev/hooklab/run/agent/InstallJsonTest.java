package dev.hooklab.run.agent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallJsonTest {
    private final InstallJson json = new InstallJson();

    @Test
    void everyInstructionHasTheAgentsShape() throws AgentError {
        String text = json.of(List.of(
                new InstallInstruction.MakeDirectory("/srv/app"),
                new InstallInstruction.CopyFile("/a/deployment-archive/x \"q\"", "/srv/app/x \"q\""),
                new InstallInstruction.ChangeMode("644", "/srv/app/x"),
                new InstallInstruction.ChangeAcl(List.of("user:bob:rwx"), "/srv/app/x"),
                new InstallInstruction.ChangeContext(null, "httpd_sys_content_t", "s0", "/srv/app/x"),
                new InstallInstruction.ChangeOwner("app", null, "/srv/app/x")));

        assertThat(text).isEqualTo("{\"instructions\":["
                + "{\"type\":\"mkdir\",\"directory\":\"/srv/app\"},"
                + "{\"type\":\"copy\",\"source\":\"/a/deployment-archive/x \\\"q\\\"\",\"destination\":\"/srv/app/x \\\"q\\\"\"},"
                + "{\"type\":\"chmod\",\"mode\":\"644\",\"file\":\"/srv/app/x\"},"
                + "{\"type\":\"setfacl\",\"acl\":[\"user:bob:rwx\"],\"file\":\"/srv/app/x\"},"
                + "{\"type\":\"semanage\",\"context\":{\"user\":null,\"role\":null,\"type\":\"httpd_sys_content_t\","
                + "\"range\":\"s0\"},\"file\":\"/srv/app/x\"},"
                + "{\"type\":\"chown\",\"owner\":\"app\",\"group\":null,\"file\":\"/srv/app/x\"}]}");
    }

    @Test
    void controlCharactersAreEscapedAsRubyDoes() throws AgentError {
        assertThat(json.of(List.of(new InstallInstruction.MakeDirectory("/srv/a\tb\u001fc/ü"))))
                .isEqualTo("{\"instructions\":[{\"type\":\"mkdir\",\"directory\":\"/srv/a\\tb\\u001fc/ü\"}]}");
    }

    @Test
    void aContextWithoutRangeFailsAsTheAgentsToJsonDoes() {
        assertThatThrownBy(() -> json.of(List.of(new InstallInstruction.ChangeContext(null, "t", null, "/x"))))
                .isInstanceOf(AgentError.class).hasMessage("undefined method 'get_range' for nil");
    }
}
