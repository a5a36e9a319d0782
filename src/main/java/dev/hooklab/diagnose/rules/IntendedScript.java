package dev.hooklab.diagnose.rules;

import dev.hooklab.appspec.FileMapping;
import dev.hooklab.bundle.DeploymentArchive;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.plan.InstallPlanner;
import dev.hooklab.plan.InstallStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guesses which revision file a location that misses was meant to name: the file the files section
 * installs at that absolute path, or a revision file with nearly the same path.
 */
final class IntendedScript {
    private IntendedScript() {
    }

    /** @param archivePath the revision path to write as location; @param why how we know */
    record Guess(String archivePath, String why) {
    }

    /** The revision file that the files section puts at an absolute instance path. */
    static Optional<Guess> installedAt(String absolutePath, DeploymentPlan plan, List<FileMapping> files,
                                       Optional<DeploymentArchive> revision) {
        Optional<InstallStep.Copy> copy = plan.install().copyTo(absolutePath);
        if (copy.isPresent() && copy.get().archivePath() != null) {
            return Optional.of(new Guess(copy.get().archivePath(), "the files section installs " + absolutePath
                    + " from the revision's " + copy.get().archivePath()));
        }
        if (revision.isPresent()) {
            return Optional.empty();
        }
        // no revision contents (a lone appspec.yml): follow the files mappings by name
        AgentPath paths = plan.layout().paths();
        for (FileMapping f : files) {
            String dest = paths.expand(f.destination(), InstallPlanner.AGENT_CWD);
            if (AgentPath.isWithin(absolutePath, dest) && !absolutePath.equals(dest)) {
                String rel = AgentPath.relativeTo(absolutePath, dest);
                String source = paths.expand("/" + f.source() + "/" + rel, "/").substring(1);
                return Optional.of(new Guess(source, "the files section maps " + f.source() + " to " + f.destination()
                        + ", so " + absolutePath + " would come from the revision's " + source));
            }
        }
        return Optional.empty();
    }

    /** A revision file whose path is nearly the location's (case, '-' vs '_', a typo, another folder). */
    static Optional<Guess> similar(String wanted, DeploymentArchive revision) {
        if (wanted == null) {
            return Optional.empty();
        }
        List<String> files = new ArrayList<>();
        for (String p : revision.paths()) {
            if (revision.entry(p).map(e -> !e.isDirectory()).orElse(false)) {
                files.add(p);
            }
        }
        Optional<String> near = NearestName.among(wanted, files, Math.max(2, wanted.length() / 6));
        if (near.isPresent()) {
            return Optional.of(new Guess(near.get(), "the revision has " + near.get()));
        }
        String base = AgentPath.basename(wanted).toLowerCase(Locale.ROOT);
        for (String f : files) {
            if (AgentPath.basename(f).toLowerCase(Locale.ROOT).equals(base)) {
                return Optional.of(new Guess(f, "the revision has " + f));
            }
        }
        return Optional.empty();
    }
}
