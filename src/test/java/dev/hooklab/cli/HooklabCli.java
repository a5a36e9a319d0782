package dev.hooklab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hooklab.app.Hooklab;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/** Runs hooklab's command line in-process, as {@code java -jar hooklab.jar ARGS} would, and keeps what it printed. */
public final class HooklabCli {
    /** The deployment group and deployment of the seed story (DESIGN.md, failure-modes #4). */
    public static final String GROUP = "f808110e-bfcb-4ea9-a1f0-6377570718ec";
    public static final String DEPLOYMENT = "d-VALNHOGV7";
    public static final String ARCHIVE = "/opt/codedeploy-agent/deployment-root/" + GROUP + "/" + DEPLOYMENT
            + "/deployment-archive";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One composition root for all runs, as one JVM would have; each run gets its own Cli. */
    private static final Hooklab HOOKLAB = Hooklab.create();

    private HooklabCli() {
    }

    /** What one run printed and returned. */
    public record Result(int exit, String out, String err) {

        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("stdout is not JSON: " + e.getOriginalMessage() + "\n" + out, e);
            }
        }

        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        /** The diagnostics of the JSON output with this code. */
        public List<JsonNode> diagnostics(String code) {
            return StreamSupport.stream(json().path("diagnostics").spliterator(), false)
                    .filter(d -> code.equals(d.path("code").asText()))
                    .toList();
        }

        /** The one diagnostic with this code; fails when there is none or more than one. */
        public JsonNode diagnostic(String code) {
            List<JsonNode> found = diagnostics(code);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + code + " diagnostic, got " + found.size() + ":\n" + out);
            }
            return found.get(0);
        }

        /** All diagnostic codes, in output order. */
        public List<String> codes() {
            List<String> codes = new ArrayList<>();
            json().path("diagnostics").forEach(d -> codes.add(d.path("code").asText()));
            return codes;
        }

        /** The JSON event with this name. */
        public JsonNode event(String name) {
            for (JsonNode e : json().path("events")) {
                if (name.equals(e.path("name").asText())) {
                    return e;
                }
            }
            throw new AssertionError("no event " + name + " in:\n" + out);
        }

        /** The first script of the named event. */
        public JsonNode script(String event) {
            JsonNode scripts = event(event).path("scripts");
            if (scripts.isEmpty()) {
                throw new AssertionError(event + " has no scripts in:\n" + out);
            }
            return scripts.get(0);
        }
    }

    public static Result run(String... args) {
        return runWithStdin("", args);
    }

    /** Runs the command line with {@code stdin} as its standard input. */
    public static Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            exit = HOOKLAB.cli().execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e);
        } catch (UncheckedIOException e) {
            throw e;
        }
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@code inspect INPUT --format json} with the seed story's ids, plus more arguments. */
    public static Result inspectJson(Object input, String... more) {
        return run(concat(new String[]{"inspect", input.toString(), "--format", "json",
                "--deployment-group-id", GROUP, "--deployment-id", DEPLOYMENT}, more));
    }

    /** {@code lint INPUT --format json} with the seed story's ids, plus more arguments. */
    public static Result lintJson(Object input, String... more) {
        return run(concat(new String[]{"lint", input.toString(), "--format", "json",
                "--deployment-group-id", GROUP, "--deployment-id", DEPLOYMENT}, more));
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
