package dev.hooklab.ui.run;

import dev.hooklab.finding.Setting;
import dev.hooklab.run.session.RunRequest;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How the window runs hooks, as {@code hooklab run}'s options say it: the isolation, the network, a cap on every
 * script's timeout, where the sandbox is kept, the {@code BUNDLE_*} variables hooks see and the events to run.
 * Remembered between starts in {@value #FILE_NAME} of the user's state folder, beside the window's own state.
 *
 * @param isolation       {@code auto}, {@code bwrap} or {@code none}
 * @param network         whether hooks may use the network under bubblewrap
 * @param maxTimeout      a cap on every script's timeout in seconds, or null for the AppSpec's timeouts
 * @param sandboxFolder   where to keep the sandbox, or null for a temporary one removed when the run closes
 * @param bundleVariables BUNDLE_* variables hooks see (an S3 or GitHub revision's), in the order given
 * @param events          the events to run, or empty for the deployment type's lifecycle
 */
public record RunSettings(String isolation, boolean network, Integer maxTimeout, Path sandboxFolder,
                          Map<String, String> bundleVariables, List<String> events) {
    public static final String FILE_NAME = "run.properties";
    public static final List<String> ISOLATIONS = List.of("auto", "bwrap", "none");
    public static final Set<String> BUNDLE_VARIABLES = Set.of("BUNDLE_BUCKET", "BUNDLE_KEY", "BUNDLE_VERSION",
            "BUNDLE_ETAG", "BUNDLE_COMMIT");
    /** DEPLOYMENT_GROUP_NAME, as {@code hooklab run} and codedeploy-local give it. */
    public static final String DEPLOYMENT_GROUP_NAME = "LocalFleet";

    public RunSettings {
        isolation = isolation == null ? "auto" : isolation.toLowerCase(Locale.ROOT);
        if (!ISOLATIONS.contains(isolation)) {
            throw new IllegalArgumentException("isolation must be auto, bwrap or none, not '" + isolation + "'");
        }
        if (maxTimeout != null && maxTimeout < 1) {
            throw new IllegalArgumentException("the max timeout must be at least 1 second");
        }
        for (String name : bundleVariables.keySet()) {
            if (!BUNDLE_VARIABLES.contains(name)) {
                throw new IllegalArgumentException(name + " is not one of BUNDLE_BUCKET, BUNDLE_KEY, BUNDLE_VERSION, "
                        + "BUNDLE_ETAG, BUNDLE_COMMIT");
            }
        }
        bundleVariables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bundleVariables));
        events = List.copyOf(events);
    }

    /** auto isolation, no network, the AppSpec's timeouts, a temporary sandbox, no variables, every event. */
    public static RunSettings defaults() {
        return new RunSettings("auto", false, null, null, Map.of(), List.of());
    }

    /** The request for the step session: these settings, with the previous revision (or null) deployed first. */
    public RunRequest request(Path previous) {
        return new RunRequest(previous, null, events, sandboxFolder, isolation, network, maxTimeout, null,
                DEPLOYMENT_GROUP_NAME, bundleVariables, null, true, WHOLE_OUTPUT);
    }

    /** The window keeps a script's whole output on disk (its console holds a bounded part): up to 4 GiB. */
    static final long WHOLE_OUTPUT = 4L << 30;

    public RunSettings withIsolation(String mode) {
        return new RunSettings(mode, network, maxTimeout, sandboxFolder, bundleVariables, events);
    }

    public RunSettings withNetwork(boolean on) {
        return new RunSettings(isolation, on, maxTimeout, sandboxFolder, bundleVariables, events);
    }

    public RunSettings withMaxTimeout(Integer seconds) {
        return new RunSettings(isolation, network, seconds, sandboxFolder, bundleVariables, events);
    }

    public RunSettings withSandboxFolder(Path folder) {
        return new RunSettings(isolation, network, maxTimeout, folder, bundleVariables, events);
    }

    public RunSettings withBundleVariables(Map<String, String> variables) {
        return new RunSettings(isolation, network, maxTimeout, sandboxFolder, variables, events);
    }

    public RunSettings withEvents(List<String> list) {
        return new RunSettings(isolation, network, maxTimeout, sandboxFolder, bundleVariables, list);
    }

    /** The settings kept in this folder; a missing or damaged file gives the defaults, a damaged value its default. */
    public static RunSettings load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                return defaults();
            }
        }
        RunSettings d = defaults();
        String isolation = p.getProperty("run.isolation", d.isolation());
        if (!ISOLATIONS.contains(isolation)) {
            isolation = d.isolation();
        }
        Integer timeout = null;
        try {
            String t = p.getProperty("run.maxTimeout", "");
            timeout = t.isBlank() ? null : Integer.valueOf(t.trim());
            if (timeout != null && timeout < 1) {
                timeout = null;
            }
        } catch (NumberFormatException e) {
            // the AppSpec's timeouts
        }
        String folderText = p.getProperty("run.sandbox", "");
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : p.getProperty("run.bundleVariables", "").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && BUNDLE_VARIABLES.contains(line.substring(0, eq))) {
                variables.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new RunSettings(isolation, Boolean.parseBoolean(p.getProperty("run.network")), timeout,
                folderText.isBlank() ? null : Path.of(folderText), variables, split(p.getProperty("run.events", "")));
    }

    /** Writes the file whole, through a temporary file. */
    public void save(Path folder) throws IOException {
        Properties p = new Properties();
        p.setProperty("run.isolation", isolation);
        p.setProperty("run.network", Boolean.toString(network));
        p.setProperty("run.maxTimeout", maxTimeout == null ? "" : maxTimeout.toString());
        p.setProperty("run.sandbox", sandboxFolder == null ? "" : sandboxFolder.toString());
        StringBuilder vars = new StringBuilder();
        bundleVariables.forEach((k, v) -> vars.append(vars.isEmpty() ? "" : "\n").append(k).append('=').append(v));
        p.setProperty("run.bundleVariables", vars.toString());
        p.setProperty("run.events", String.join(",", events));
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, FILE_NAME, ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "hooklab run settings");
        }
        Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * An engine message in the window's words: each setting it names ({@link Setting#ref()}) becomes the control
     * that sets it here. Every part showing session or step notes should pass them through this.
     */
    public static String words(String text) {
        return Setting.fill(text, s -> switch (s) {
            case EVENTS -> "Run settings > Events";
            case SANDBOX -> "Run settings > Sandbox folder";
            case PREVIOUS -> "the previous revision slot";
            case NO_WAIT_FOR_OUTPUTS -> "a lower Max timeout in Run settings";
            case DEPLOYMENT_ID -> "the Deployment tab's deployment id";
            case DEPLOYMENT_TYPE -> "the Deployment tab's deployment type";
            case OS -> "the Deployment tab's OS";
            default -> s.label();
        });
    }

    /** Event names from a comma- or space-separated list, blanks dropped. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
