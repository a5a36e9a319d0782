package dev.hooklab.diagnose.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "nohup java -jar app.jar &",
            "java -jar app.jar > app.log &",
            "node server.js 2>/dev/null &",
            "(sleep 60; echo late) &",
            "cd /app && npm start &",
            "python3 -m http.server 8080 2>&1 &",
            "setsid ./server &  # start it"
    })
    void flagsBackgroundCommandsThatKeepAPipe(String line) {
        assertThat(new BackgroundCommand().holdingOutput(line)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nohup java -jar app.jar > /dev/null 2>&1 < /dev/null &",
            "java -jar app.jar &> /var/log/app.log &",
            "node server.js >/dev/null 2>/dev/null &",
            "node server.js >& /tmp/log &",
            "make && make install",
            "echo 'a & b'",
            "curl 'http://x/?a=1&b=2'",
            "# java -jar app.jar &",
            "wait",
            "cmd1 || cmd2"
    })
    void acceptsDetachedOrForegroundCommands(String line) {
        assertThat(new BackgroundCommand().holdingOutput(line)).isNull();
    }

    @org.junit.jupiter.api.Test
    void namesTheWholeGroupAndOnlyTheLastCommand() {
        assertThat(new BackgroundCommand().holdingOutput("(sleep 60; echo late) &")).isEqualTo("(sleep 60; echo late)");
        assertThat(new BackgroundCommand().holdingOutput("cd /app; ./run.sh &")).isEqualTo("./run.sh");
    }

    @org.junit.jupiter.api.Test
    void anEarlierExecRedirectCoversTheRestOfTheScript() {
        BackgroundCommand script = new BackgroundCommand();
        assertThat(script.holdingOutput("exec > /var/log/deploy.log 2>&1")).isNull();
        assertThat(script.holdingOutput("java -jar app.jar &")).isNull();
    }

    @org.junit.jupiter.api.Test
    void stderrDuplicatedOntoAPipeStillHoldsIt() {
        assertThat(new BackgroundCommand().holdingOutput("app 2>&1 > /dev/null &")).isNotNull();
        assertThat(new BackgroundCommand().holdingOutput("app > /dev/null 2>&1 &")).isNull();
    }
}
