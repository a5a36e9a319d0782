package dev.hooklab.bundle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the agent finds the AppSpec in deployment-archive (agent-behaviour.md §4.1).
 *
 * @param configuredName the name from the deployment (AppSpecFilename), default {@code appspec.yml}
 * @param installName    what the Install step reads: the configured name, else {@code appspec.yaml}, else
 *                       {@code appspec.yml}; null when none exists
 * @param hookName       what every hook event reads: the configured name only, no fallback; null when missing
 * @param wrongCase      root names that match an AppSpec name except for letter case (Linux is case-sensitive)
 * @param nested         AppSpec-named files deeper in the revision, which the agent never reads
 */
public record AppSpecLookup(String configuredName, String installName, String hookName, List<String> wrongCase,
                            List<String> nested) {

    public static final String DEFAULT_NAME = "appspec.yml";
    public static final String YAML_NAME = "appspec.yaml";

    public AppSpecLookup {
        wrongCase = List.copyOf(wrongCase);
        nested = List.copyOf(nested);
    }

    /**
     * The agent's message when a hook event finds no AppSpec in the revision it selected
     * ({@code HookExecutor#parse_app_spec}; the heredoc's whitespace collapsed to single spaces).
     */
    public static String agentNotFoundMessage(String archiveDir, String name) {
        return "The CodeDeploy agent did not find an AppSpec file within the unpacked revision directory at "
                + "revision-relative path \"" + name + "\". The revision was unpacked to directory \"" + archiveDir
                + "\", and the AppSpec file was expected but not found at path \"" + archiveDir + "/" + name
                + "\". Consult the AWS CodeDeploy Appspec documentation for more information at "
                + "http://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html";
    }

    /** Whether both Install and the hook events find an AppSpec. */
    public boolean found() {
        return installName != null && hookName != null;
    }

    /** The AppSpec hooklab reads: the hook-time one, else Install's fallback. */
    public Optional<String> effectiveName() {
        return Optional.ofNullable(hookName != null ? hookName : installName);
    }

    public static AppSpecLookup in(DeploymentArchive revision, String configuredName) {
        String name = configuredName == null || configuredName.isBlank() ? DEFAULT_NAME : configuredName;
        String install = null;
        for (String candidate : List.of(name, YAML_NAME, DEFAULT_NAME)) {
            if (isFile(revision, candidate)) {
                install = candidate;
                break;
            }
        }
        String hook = isFile(revision, name) ? name : null;

        Set<String> wanted = new LinkedHashSet<>(List.of(name.toLowerCase(Locale.ROOT), YAML_NAME, DEFAULT_NAME));
        List<String> wrongCase = new ArrayList<>();
        for (String child : revision.children("")) {
            String lower = child.toLowerCase(Locale.ROOT);
            if (wanted.contains(lower) && !child.equals(name) && !child.equals(YAML_NAME) && !child.equals(DEFAULT_NAME)) {
                wrongCase.add(child);
            }
        }
        List<String> nested = new ArrayList<>();
        for (String path : revision.pathsNamed(n -> n.length() <= 255 && (n.regionMatches(true, 0, "appspec.", 0, 8) || n.equalsIgnoreCase(name)) && wanted.contains(n.toLowerCase(Locale.ROOT)))) {
            if (path.indexOf('/') > 0 && revision.entry(path).map(e -> !e.isDirectory()).orElse(false)) {
                nested.add(path);
            }
        }
        return new AppSpecLookup(name, install, hook, wrongCase, nested);
    }

    private static boolean isFile(DeploymentArchive revision, String name) {
        return revision.resolve(name)
                .flatMap(revision::entry)
                .map(e -> e.type() == EntryType.FILE || e.type() == EntryType.HARDLINK)
                .orElse(false);
    }
}
