package dev.hooklab.diagnose.rules;

import dev.hooklab.appspec.HookScript;
import dev.hooklab.appspec.Mark;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.finding.Setting;
import dev.hooklab.plan.DeploymentType;
import dev.hooklab.plan.Lifecycle;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.RevisionSource;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Events that never run, run for another deployment type, run old scripts, or ask for too much time. */
final class EventRules implements Rule {
    static final int SERVICE_EVENT_LIMIT = 3600;

    @Override
    public void check(RevisionFacts facts, Consumer<Diagnostic> out) {
        String file = facts.appspecFile();
        DeploymentType type = facts.plan().type();
        for (PlannedEvent event : facts.plan().events()) {
            if (event.agentStep()) {
                // DownloadBundle and Install are the agent's own commands: scripts listed under them never run
                List<?> listed = facts.appspec().spec().hooks().getOrDefault(event.name(), List.of());
                Mark at = facts.appspec().spec().eventMarks().getOrDefault(event.name(), Mark.NONE);
                if (!listed.isEmpty() && at.known()) {
                    out.accept(unknownEvent(event.name()).at(file, at.line(), at.column()));
                }
                continue;
            }
            Mark mark = event.mark();
            boolean named = mark.known();
            if (!named) {
                continue;
            }
            String name = event.name();
            if (!Lifecycle.isHookEvent(name)) {
                out.accept(unknownEvent(name).at(file, mark.line(), mark.column()));
            } else if (!event.runs() && !event.scripts().isEmpty()) {
                out.accept(Diagnostic.warning(DiagnosticCode.EVENT_NOT_RUN,
                                name + " is not run in " + type.description() + ", so its scripts never run here.")
                        .withFix(typesThatRun(name))
                        .at(file, mark.line(), mark.column()));
            } else if (event.runs() && event.revision() == RevisionSource.PREVIOUS && !event.scripts().isEmpty()) {
                out.accept(Diagnostic.info(DiagnosticCode.PREVIOUS_REVISION_EVENT,
                                name + " runs the scripts of the last revision that passed Install, not these: on a "
                                        + "first deployment it does nothing, and a fix made here takes effect one "
                                        + "deployment later. These scripts run at the next deployment, from "
                                        + event.scripts().get(0).path().replaceFirst("/deployment-archive/.*",
                                        "/deployment-archive") + ".")
                        .withFix("If an old " + name + " script keeps failing, deploy once with "
                                + "--ignore-application-stop-failures.")
                        .at(file, mark.line(), mark.column()));
            }
            long total = event.scripts().stream().mapToLong(s -> s.script().timeout()).sum();
            if (total > SERVICE_EVENT_LIMIT) {
                long defaults = event.scripts().stream().filter(s -> s.script().timeout() == HookScript.DEFAULT_TIMEOUT)
                        .count();
                out.accept(Diagnostic.warning(DiagnosticCode.EVENT_TIMEOUT_OVER_3600,
                                "The timeouts of " + name + "'s " + event.scripts().size() + " script(s) add up to "
                                        + total + " s" + (defaults > 0 ? " (" + defaults + " with the default 3600 s)" : "")
                                        + "; the service allows one hour for all scripts of an event together and fails "
                                        + "the event after 3600 s even though the agent itself would wait longer.")
                        .withFix("Give each script of " + name + " an explicit timeout so that they add up to 3600 or less.")
                        .at(file, mark.line(), mark.column()));
            }
        }
    }

    private static Diagnostic unknownEvent(String name) {
        String message;
        String fix;
        if (Lifecycle.AGENT_STEPS.contains(name)) {
            message = name + " is the agent's own step: scripts listed under it never run.";
            fix = "Move the scripts to " + (name.equals(Lifecycle.INSTALL) ? "AfterInstall" : "BeforeInstall") + ".";
        } else if (Lifecycle.SERVICE_ONLY.contains(name)) {
            message = name + " is run by the CodeDeploy service itself: scripts listed under it never run.";
            fix = "Use one of the scriptable events: " + String.join(", ", Lifecycle.HOOK_EVENTS) + ".";
        } else if (Lifecycle.ECS_ONLY.contains(name)) {
            message = name + " exists only in ECS deployments; the EC2/on-premises agent never runs it.";
            fix = "Use one of the EC2/on-premises events: " + String.join(", ", Lifecycle.HOOK_EVENTS) + ".";
        } else {
            var nearest = NearestName.among(name, Lifecycle.HOOK_EVENTS, 4);
            message = "'" + name + "' is not a lifecycle event: the agent accepts the name and silently never runs its "
                    + "scripts (codedeploy-local, which sends the list of events, fails Install instead with \""
                    + "appspec.yml file contains unknown lifecycle events: [\"" + name + "\"]\")"
                    + nearest.map(n -> ". Did you mean " + n + "?").orElse(".");
            fix = nearest.map(n -> "Rename the event to " + n + ".")
                    .orElse("Use one of: " + String.join(", ", Lifecycle.HOOK_EVENTS) + ".");
        }
        return Diagnostic.warning(DiagnosticCode.UNKNOWN_EVENT, message).withFix(fix);
    }

    private static String typesThatRun(String event) {
        List<String> types = Arrays.stream(DeploymentType.values()).filter(t -> t.runs(event))
                .map(DeploymentType::label).collect(Collectors.toList());
        return "It runs in: " + String.join(", ", types) + " (choose the type with "
                + Setting.DEPLOYMENT_TYPE.ref() + ").";
    }
}
