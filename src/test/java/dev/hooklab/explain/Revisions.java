package dev.hooklab.explain;

import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.YamlLimits;
import dev.hooklab.bundle.BundleReader;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.diagnose.rules.Diagnoser;
import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.Planner;

import java.io.IOException;
import java.nio.file.Path;

/** Inspects revisions written by tests, as the window and the command line do. */
final class Revisions {
    static final String GROUP = "f808110e-bfcb-4ea9-a1f0-6377570718ec";
    static final String DEPLOYMENT = "d-VALNHOGV7";
    static final String ROOT = "/opt/codedeploy-agent/deployment-root";
    static final String ARCHIVE = ROOT + "/" + GROUP + "/" + DEPLOYMENT + "/deployment-archive";

    private static final Inspector INSPECTOR = new Inspector(new BundleReader(),
            new AppSpecParser(YamlLimits.defaults()), new Planner(), new Diagnoser());

    private Revisions() {
    }

    /** The revision inspected in the seed story's deployment. */
    static Inspection inspect(TestRevision revision, Path dir) throws IOException, InputException {
        return INSPECTOR.inspect(revision.folder(dir, "rev"),
                new DeploymentLayout(TargetOs.LINUX, ROOT, GROUP, DEPLOYMENT), InspectOptions.defaults());
    }

    /** The seed story: start_aplication.sh at the root, everything installed to /var/app/current. */
    static TestRevision seed() {
        return TestRevision.seedStory();
    }

    static TestRevision afterInstall(String location, int timeout) {
        return TestRevision.withAppSpec("""
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: %s
                      timeout: %d
                """.formatted(location, timeout));
    }
}
