package dev.hooklab.diagnose.rules;

import dev.hooklab.appspec.AppSpecDocument;
import dev.hooklab.bundle.AppSpecLookup;
import dev.hooklab.bundle.Bundle;
import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Everything the rules look at.
 *
 * @param bundle      the bundle, empty for a lone appspec.yml
 * @param lookup      where the agent finds the AppSpec in the bundle, empty for a lone appspec.yml
 * @param appspec     the parsed AppSpec
 * @param plan        the deployment plan
 * @param scriptHeads the first bytes of each hook script found in the bundle, by bundle path
 */
public record RevisionFacts(Optional<Bundle> bundle, Optional<AppSpecLookup> lookup, AppSpecDocument appspec,
                            DeploymentPlan plan, Map<String, byte[]> scriptHeads) {

    /** The AppSpec's file name, for diagnostics that point into it. */
    public String appspecFile() {
        return appspec.fileName();
    }

    /** Every script of every event, with its event. */
    public void forEachScript(BiConsumer<PlannedEvent, PlannedScript> action) {
        for (PlannedEvent e : plan.events()) {
            for (PlannedScript s : e.scripts()) {
                action.accept(e, s);
            }
        }
    }
}
