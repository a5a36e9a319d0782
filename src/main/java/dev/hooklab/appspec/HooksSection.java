package dev.hooklab.appspec;

import dev.hooklab.finding.DiagnosticCode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's {@code parse_hooks} and ScriptInfo: {@code hooks} is a mapping from event name to a
 * list of script mappings; an event with a null value is dropped; each script needs a location
 * ({@code to_s.strip}, not empty); {@code timeout} defaults to 3600 and goes through {@code to_i},
 * must be above 0; {@code runas} is {@code to_s.strip}; {@code sudo} is Ruby truthiness.
 */
final class HooksSection {
    /** The events in document order with their scripts, and where each event's key is. */
    record Hooks(Map<String, List<HookScript>> scripts, Map<String, Mark> marks) {
        static Hooks none() {
            return new Hooks(Map.of(), Map.of());
        }
    }

    private final Findings findings;

    HooksSection(Findings findings) {
        this.findings = findings;
    }

    /** @param hooks the value of {@code hooks} (nil and false mean no hooks, as {@code || {}} does) */
    Hooks read(YamlValue hooks) {
        if (!RubyCalls.truthy(hooks)) {
            return Hooks.none();
        }
        RubyCalls.Outcome<List<YamlValue.Pair>> events = RubyCalls.eachPair(hooks);
        if (events.failed()) {
            boolean list = hooks instanceof YamlValue.Seq;
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, hooks.mark(),
                    list ? "hooks is a list (the layout of ECS and Lambda AppSpecs); for EC2/on-premises it must be a "
                            + "mapping from event name to a list of scripts. The agent crashes on it."
                            : "hooks must be a mapping from event name to a list of scripts; here it is "
                            + Wording.describe(hooks) + ". The agent crashes on it.",
                    events.error(),
                    list ? "Remove the '- ' in front of each event name, so that every event is a key under hooks:."
                            : "hooks:\n  BeforeInstall:\n    - location: scripts/before_install.sh");
            return Hooks.none();
        }
        Map<String, List<HookScript>> scripts = new LinkedHashMap<>();
        Map<String, Mark> marks = new LinkedHashMap<>();
        for (YamlValue.Pair event : events.value()) {
            if (RubyCalls.isNil(event.value())) {
                continue; // the agent drops an event without scripts
            }
            String name = RubyCalls.toS(event.key());
            marks.put(name, event.key().mark());
            scripts.put(name, readEvent(name, event.value()));
        }
        return new Hooks(scripts, marks);
    }

    private List<HookScript> readEvent(String event, YamlValue value) {
        List<HookScript> result = new ArrayList<>();
        if (value instanceof YamlValue.Map m) {
            if (!m.pairs().isEmpty()) {
                findings.error(DiagnosticCode.APPSPEC_STRUCTURE, value.mark(),
                        "The event " + event + " holds a single mapping; it must be a list of scripts, each starting "
                                + "with '- '. The agent crashes on it.",
                        RubyCalls.noMethod("has_key?", new YamlValue.Seq(List.of(), value.mark())),
                        "Put '- ' in front of location: (and indent the script's other keys to match).");
            }
            return result;
        }
        RubyCalls.Outcome<List<YamlValue>> items = RubyCalls.each(value);
        if (items.failed()) {
            String example = value instanceof YamlValue.Str s ? s.value() : "scripts/" + event + ".sh";
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, value.mark(),
                    "The event " + event + " must be a list of scripts; here it is " + Wording.describe(value)
                            + ". The agent crashes on it.",
                    items.error(), event + ":\n  - location: " + example);
            return result;
        }
        for (YamlValue item : items.value()) {
            HookScript script = readScript(event, item);
            if (script != null) {
                result.add(script);
            }
        }
        return result;
    }

    /** One script; null when it has no usable location. */
    private HookScript readScript(String event, YamlValue item) {
        RubyCalls.Outcome<Boolean> hasLocation = RubyCalls.hasKey(item, "location");
        if (hasLocation.failed()) {
            String example = item instanceof YamlValue.Str s ? s.value() : "scripts/" + event + ".sh";
            findings.error(DiagnosticCode.APPSPEC_STRUCTURE, markOf(item),
                    "Each script of " + event + " must be a mapping with a location; here it is "
                            + Wording.describe(item) + ". The agent crashes on it.",
                    hasLocation.error(), "- location: " + example);
            return null;
        }
        YamlValue.Map script = (YamlValue.Map) item;
        String location = location(event, script);
        BigInteger timeout = timeout(script);
        if (location == null) {
            return null;
        }
        YamlValue runas = script.get("runas").orElse(null);
        return new HookScript(event, location, clamp(timeout), RubyCalls.isNil(runas) ? null : RubyCalls.strip(runas.rubyString()),
                RubyCalls.truthy(script.get("sudo").orElse(null)), script.get("location").orElseThrow().mark(), script.mark());
    }

    /** {@code location.to_s.strip}, or null after reporting why the agent rejects it. */
    private String location(String event, YamlValue.Map script) {
        YamlValue.Pair pair = script.pair("location").orElse(null);
        if (pair == null || RubyCalls.isNil(pair.value())) {
            String hint = script.pairs().stream().map(p -> RubyCalls.toS(p.key()))
                    .filter(k -> !k.equals("location"))
                    .filter(k -> k.equalsIgnoreCase("location") || k.equalsIgnoreCase("script") || k.equalsIgnoreCase("path"))
                    .findFirst().map(k -> " (the key is location, in lower case; " + k + " is ignored)").orElse("");
            findings.error(DiagnosticCode.HOOK_LOCATION_MISSING, pair == null ? script.mark() : pair.key().mark(),
                    "A script of " + event + " has no location" + hint + ".",
                    AppSpecAgentErrors.scriptWithoutLocation(),
                    "Add location: scripts/<file>, the script's path inside the revision.");
            return null;
        }
        String location = RubyCalls.strip(pair.value().rubyString());
        if (location.isEmpty()) {
            findings.error(DiagnosticCode.HOOK_LOCATION_MISSING, pair.value().mark(),
                    "The location of a script of " + event + " is blank.",
                    AppSpecAgentErrors.scriptWithoutLocation(),
                    "Give the script's path inside the revision, e.g. location: scripts/" + event + ".sh");
            return null;
        }
        return location;
    }

    /** {@code (timeout || 3600).to_i}, reporting a value the agent rejects. */
    private BigInteger timeout(YamlValue.Map script) {
        YamlValue raw = script.get("timeout").orElse(null);
        if (!RubyCalls.truthy(raw)) {
            return BigInteger.valueOf(HookScript.DEFAULT_TIMEOUT);
        }
        RubyCalls.Outcome<BigInteger> seconds = RubyCalls.toI(raw);
        if (seconds.failed()) {
            findings.error(DiagnosticCode.HOOK_TIMEOUT_INVALID, raw.mark(),
                    "timeout is " + Wording.describe(raw) + ", which the agent cannot convert to seconds; it crashes.",
                    seconds.error(), "timeout: 300 (whole seconds, greater than 0)");
            return BigInteger.ZERO;
        }
        if (seconds.value().signum() <= 0) {
            String why = raw instanceof YamlValue.Str s
                    ? "timeout is the text \"" + Wording.excerpt(s.value()) + "\", which Ruby's to_i reads as " + seconds.value()
                    : "timeout is " + Wording.describe(raw) + ", which the agent reads as " + seconds.value() + " seconds";
            findings.error(DiagnosticCode.HOOK_TIMEOUT_INVALID, raw.mark(),
                    why + "; it must be greater than 0.",
                    AppSpecAgentErrors.invalidTimeout(), "timeout: 300 (whole seconds, greater than 0)");
        }
        return seconds.value();
    }

    private static int clamp(BigInteger seconds) {
        return seconds.min(BigInteger.valueOf(Integer.MAX_VALUE)).max(BigInteger.valueOf(Integer.MIN_VALUE)).intValue();
    }

    private static Mark markOf(YamlValue v) {
        return v == null ? Mark.NONE : v.mark();
    }
}
