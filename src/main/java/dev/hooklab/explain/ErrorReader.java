package dev.hooklab.explain;

import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.plan.Lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a user pasted: the agent's message from the console, lines of {@code codedeploy-agent.log} (with their
 * time, level and class prefixes and the backtrace after " - "), {@code scripts.log} or the deployments log, the JSON
 * of {@code get-deployment-instance} or of the agent's PutHostCommandComplete call, or a bare on-instance path.
 * The agent's script messages win over AppSpec and Install messages, which win over a bare path; among messages of
 * the same rank the first in the text wins.
 */
public final class ErrorReader {
    /** Longer pastes are read up to here: an agent log excerpt is far smaller. */
    public static final int MAX_CHARS = 1 << 20;

    private static final String AT = "Script at specified location: ";
    private static final Pattern MISSING = Pattern.compile("Script does not exist at specified location: (.+)");
    private static final Pattern NOT_EXECUTABLE =
            Pattern.compile("Unable to set script at specified location: (.+?) as executable");
    private static final Pattern TIMED_OUT = Pattern.compile(AT + "(.+?) failed to complete in (\\d+) seconds");
    private static final Pattern EXIT = Pattern.compile(AT + "(.+?)(?: run as user (\\S+))? failed with exit code ?(-?\\d+)?");
    private static final Pattern START = Pattern.compile(
            AT + "(.+?)(?: run as user (\\S+))? failed with error (\\S+) with message (.*)");
    private static final Pattern LEFT_OPEN = Pattern.compile(AT + "(.+?) failed to close (STDOUT|STDERR)");
    private static final Pattern OUTSIDE = Pattern.compile(AT + "(.+?) resolves outside the deployment archive");
    private static final Pattern NOT_FOUND = Pattern.compile("did not find an AppSpec file within the unpacked revision "
            + "directory at revision-relative path \\\\?\"([^\"\\\\]*)\\\\?\"\\. The revision was unpacked to directory "
            + "\\\\?\"([^\"\\\\]*)\\\\?\"");
    private static final Pattern FILE_EXISTS =
            Pattern.compile("The deployment failed because a specified file already exists at this location: (\\S+)");
    private static final Pattern PATH = Pattern.compile("(?:(?<![\\w.])/|\\b[A-Za-z]:[\\\\/])[^\\s\"'`<>|]+");
    /** A Ruby backtrace line after the agent's " - ": {@code - /opt/.../hook_executor.rb:123:in ...}. */
    private static final Pattern BACKTRACE = Pattern.compile(" - \\S+\\.rb:\\d+");
    private static final Pattern DEPLOYMENT_ID = Pattern.compile("\\bd-[A-Z0-9]{9}\\b");
    private static final List<Pattern> EVENT_MARKS = List.of(
            Pattern.compile("LifecycleEvent - (\\w+)"),
            Pattern.compile("\"lifecycleEventName\"\\s*:\\s*\"(\\w+)\""),
            Pattern.compile("Lifecycle event (\\w+) "),
            Pattern.compile("Command (\\w+) (?:has|maps)"));
    private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Za-z]+\\b");

    /** What the text reports, or empty when hooklab recognises nothing in it. */
    public Optional<Recognized> read(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            return Optional.empty();
        }
        String text = pasted.length() > MAX_CHARS ? pasted.substring(0, MAX_CHARS) : pasted;
        Optional<Recognized> found = scriptMessage(text);
        String flat = text.replaceAll("\\s+", " ");
        if (found.isEmpty()) {
            found = appspecNotFound(flat);
        }
        if (found.isEmpty()) {
            found = AppSpecPhrases.find(flat);
        }
        if (found.isEmpty()) {
            found = fileExists(flat);
        }
        if (found.isEmpty()) {
            found = barePath(text);
        }
        return found.map(r -> withContext(r, text));
    }

    private static Optional<Recognized> scriptMessage(String text) {
        for (String raw : text.split("\\R")) {
            int anchor = firstOf(raw, "Script does not exist at", AT, "Unable to set script at");
            if (anchor < 0) {
                continue;
            }
            String line = cut(raw.substring(anchor));
            Matcher m;
            if ((m = MISSING.matcher(line)).find()) {
                String rest = trimPath(m.group(1).trim());
                Optional<InstancePath> p = InstancePath.parse(rest)
                        .or(() -> InstancePath.parse(trimPath(rest.split("\\s+")[0])));
                Recognized r = Recognized.of(ErrorKind.SCRIPT_MISSING, line.substring(m.start()).trim());
                return Optional.of(p.map(r::withPath).orElse(r));
            }
            if ((m = NOT_EXECUTABLE.matcher(line)).find()) {
                return Optional.of(Recognized.of(ErrorKind.NOT_EXECUTABLE, m.group()).withLocation(m.group(1), null));
            }
            if ((m = TIMED_OUT.matcher(line)).find()) {
                return Optional.of(Recognized.of(ErrorKind.TIMED_OUT, m.group()).withLocation(m.group(1), null)
                        .withSeconds(Integer.valueOf(m.group(2))));
            }
            if ((m = LEFT_OPEN.matcher(line)).find()) {
                return Optional.of(Recognized.of(ErrorKind.OUTPUTS_LEFT_OPEN, m.group()).withLocation(m.group(1), null)
                        .withChannel(m.group(2)));
            }
            if ((m = OUTSIDE.matcher(line)).find()) {
                return Optional.of(Recognized.of(ErrorKind.OUTSIDE_ARCHIVE, m.group()).withLocation(m.group(1), null));
            }
            if ((m = START.matcher(line)).find()) {
                String error = m.group(3);
                String errno = error.startsWith("Errno::") ? error.substring("Errno::".length()) : error;
                Recognized r = Recognized.of(ErrorKind.START_ERROR, m.group().trim())
                        .withLocation(m.group(1), m.group(2)).withErrno(errno);
                return Optional.of(r);
            }
            if ((m = EXIT.matcher(line)).find()) {
                Integer code = m.group(3) == null ? null : Integer.valueOf(m.group(3));
                return Optional.of(Recognized.of(ErrorKind.EXIT_CODE, m.group().trim())
                        .withLocation(m.group(1), m.group(2)).withExit(code, code == null));
            }
        }
        return Optional.empty();
    }

    private static Optional<Recognized> appspecNotFound(String flat) {
        Matcher m = NOT_FOUND.matcher(flat);
        if (!m.find()) {
            return Optional.empty();
        }
        int start = flat.lastIndexOf("The CodeDeploy agent", m.start());
        String message = cut(flat.substring(start >= 0 ? start : m.start(), m.end())).trim();
        Recognized r = Recognized.of(ErrorKind.APPSPEC_NOT_FOUND, message)
                .withCode(DiagnosticCode.APPSPEC_NOT_FOUND, null, null);
        return Optional.of(InstancePath.parse(m.group(2) + "/" + m.group(1)).map(r::withPath).orElse(r));
    }

    private static Optional<Recognized> fileExists(String flat) {
        Matcher m = FILE_EXISTS.matcher(flat);
        if (!m.find()) {
            return Optional.empty();
        }
        String path = trimPath(m.group(1));
        return Optional.of(Recognized.of(ErrorKind.FILE_EXISTS, cut(m.group()).trim())
                .withCode(DiagnosticCode.FILE_EXISTS, null, null)
                .withPath(new InstancePath(path, null, null, null, null)));
    }

    private static Optional<Recognized> barePath(String text) {
        Matcher m = PATH.matcher(text);
        while (m.find()) {
            String token = trimPath(m.group());
            Optional<InstancePath> p = InstancePath.parse(token);
            if (p.isPresent()) {
                return Optional.of(Recognized.of(ErrorKind.INSTANCE_PATH, token).withPath(p.get()));
            }
        }
        return Optional.empty();
    }

    /** The event the text names: a log's own marks first, else the one hook event name it mentions. */
    private static Recognized withContext(Recognized r, String text) {
        Recognized out = r;
        if (out.deploymentId() == null) {
            Matcher id = DEPLOYMENT_ID.matcher(text);
            if (id.find()) {
                out = out.withDeploymentId(id.group());
            }
        }
        for (Pattern p : EVENT_MARKS) {
            Matcher m = p.matcher(text);
            String last = null;
            while (m.find()) {
                if (Lifecycle.isHookEvent(m.group(1)) || Lifecycle.AGENT_STEPS.contains(m.group(1))) {
                    last = m.group(1);
                }
            }
            if (last != null) {
                return out.withEvent(last);
            }
        }
        Set<String> named = new LinkedHashSet<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            if (Lifecycle.isHookEvent(w.group())) {
                named.add(w.group());
            }
        }
        return named.size() == 1 ? out.withEvent(named.iterator().next()) : out;
    }

    /**
     * A message without what follows it on its line: the backtrace after " - ", and the closing quote of the JSON
     * string it sits in (plain or escaped).
     */
    static String cut(String line) {
        String s = line;
        Matcher bt = BACKTRACE.matcher(s);
        if (bt.find()) {
            s = s.substring(0, bt.start());
        }
        List<Integer> ends = new ArrayList<>();
        for (String end : List.of("\\\"", "\",", "\"}", "\\n")) {
            int i = s.indexOf(end);
            if (i >= 0) {
                ends.add(i);
            }
        }
        if (s.endsWith("\"")) {
            ends.add(s.length() - 1);
        }
        return ends.isEmpty() ? s : s.substring(0, ends.stream().min(Integer::compare).get());
    }

    private static int firstOf(String line, String... starts) {
        int best = -1;
        for (String start : starts) {
            int i = line.indexOf(start);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static String trimPath(String p) {
        String s = p;
        while (!s.isEmpty() && ".,;:)]}'\"\\".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
