package dev.hooklab.appspec;

import dev.hooklab.finding.DiagnosticCode;

import java.util.Objects;
import java.util.Optional;

/**
 * Reads an AppSpec file the way the CodeDeploy agent (1.x, Ruby 3.1 or later) does: Psych's YAML
 * loading, then ApplicationSpecification's checks with the agent's exact messages.
 *
 * <pre>{@code
 * AppSpecDocument doc = new AppSpecParser().parse("appspec.yml", text, TargetOs.LINUX);
 * doc.valid();        // the agent accepts the file
 * doc.diagnostics();  // YAML findings, or the agent's errors in its order (first = what the agent reports)
 * doc.spec().hooks(); // the agent's reading, best-effort even when invalid
 * }</pre>
 * Never throws for any text; safe for hostile input (no object construction, no alias expansion,
 * size and nesting capped by {@link YamlLimits}).
 */
public final class AppSpecParser {
    private final YamlLimits limits;

    public AppSpecParser() {
        this(YamlLimits.defaults());
    }

    public AppSpecParser(YamlLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param fileName the revision-relative name, used in the diagnostics ({@code appspec.yml})
     * @param text     the file's text (null is read as empty)
     * @param agentOs  the platform of the agent, which accepts only its own {@code os} word
     */
    public AppSpecDocument parse(String fileName, String text, TargetOs agentOs) {
        Objects.requireNonNull(agentOs, "agentOs");
        String source = text == null ? "" : text;
        Findings findings = new Findings(fileName);
        Optional<YamlValue> root = Optional.empty();
        AppSpec spec = AppSpec.empty();
        try {
            YamlLoader.Result loaded = new YamlLoader(limits).load(source, findings);
            switch (loaded.status()) {
                case LOADED -> {
                    root = Optional.of(loaded.value());
                    spec = new AppSpecValidator(agentOs, findings).validate(loaded.value());
                }
                case REFUSED ->
                    // the agent never gets past loading: its checks are not reported, but the readable
                    // parts still give a best-effort AppSpec
                    spec = new AppSpecValidator(agentOs, findings.scratch()).validate(loaded.value());
                case FAILED -> {
                    // nothing readable
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            findings.error(DiagnosticCode.YAML_SYNTAX, new Mark(1, 1),
                    "hooklab could not read this AppSpec (" + e.getClass().getSimpleName() + "); please report it.",
                    null, null);
        }
        return new AppSpecDocument(fileName, source, root, spec, findings.all());
    }
}
