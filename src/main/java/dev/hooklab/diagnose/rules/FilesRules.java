package dev.hooklab.diagnose.rules;

import dev.hooklab.appspec.FileMapping;
import dev.hooklab.appspec.Mark;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.bundle.DeploymentArchive;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.InstallFailure;
import dev.hooklab.plan.InstallStep;

import java.util.Optional;
import java.util.function.Consumer;

/** The files section as the Install step will carry it out. */
final class FilesRules implements Rule {

    @Override
    public void check(RevisionFacts facts, Consumer<Diagnostic> out) {
        String file = facts.appspecFile();
        DeploymentLayout layout = facts.plan().layout();
        Optional<DeploymentArchive> revision = facts.bundle().map(b -> b.archive());
        facts.plan().install().failure().ifPresent(f -> out.accept(installFailure(f, file)));
        for (FileMapping f : facts.appspec().spec().files()) {
            Mark m = f.mark();
            String source = f.source();
            if (source.contains("*") || source.contains("?")) {
                out.accept(Diagnostic.warning(DiagnosticCode.FILES_GLOB_SOURCE,
                                "source " + source + " contains a wildcard; the agent does not expand it and looks for a "
                                        + "file literally named " + source + ".")
                        .withFix("Name a file or a folder as source (its contents are copied).")
                        .at(file, m.line(), m.column()));
            }
            boolean absolute = layout.os() == TargetOs.WINDOWS
                    ? f.destination().matches("(?i)[a-z]:[\\\\/].*") : f.destination().startsWith("/");
            if (!absolute) {
                out.accept(Diagnostic.warning(DiagnosticCode.FILES_RELATIVE_DESTINATION,
                                "destination " + f.destination() + " is relative; the agent resolves it against its own "
                                        + "working directory, which depends on how it was started.")
                        .withFix("Write an absolute destination, e.g. /var/app/" + f.destination() + ".")
                        .at(file, m.line(), m.column()));
            }
            if (revision.isEmpty()) {
                continue;
            }
            String joined = layout.paths().join(layout.archiveDir(), source);
            if (!layout.insideArchive(joined) && !joined.equals(layout.archiveDir())) {
                continue;
            }
            String rel = joined.equals(layout.archiveDir()) ? "" : AgentPath.relativeTo(joined, layout.archiveDir());
            DeploymentArchive r = revision.get();
            if (!rel.isEmpty() && r.resolve(rel).isEmpty()) {
                String prefix = r.topFolder().prefix();
                Optional<String> unprefixed = !prefix.isEmpty() && rel.startsWith(prefix)
                        && r.resolve(rel.substring(prefix.length())).isPresent()
                        ? Optional.of(rel.substring(prefix.length())) : Optional.empty();
                out.accept(Diagnostic.error(DiagnosticCode.FILES_SOURCE_NOT_IN_BUNDLE,
                                "source " + source + " is not in the revision (after the agent's top-folder rule), so the "
                                        + "Install step fails when it copies it."
                                        + unprefixed.map(u -> " The agent strips the top folder '" + prefix
                                        + "' before Install, so the path is " + u + ".").orElse(""))
                        .withAgentMessage("No such file or directory @ rb_sysopen - " + layout.archiveDir() + "/"
                                + source.replaceFirst("^/+", ""))
                        .withFix(unprefixed.or(() -> IntendedScript.similar(rel, r).map(IntendedScript.Guess::archivePath))
                                .map(g -> "source: " + g)
                                .orElse("Write source relative to the revision root."))
                        .at(file, m.line(), m.column()));
            } else if (!rel.isEmpty() && !r.isDirectory(r.resolve(rel).get()) && looksLikeFileName(f.destination())) {
                String lands = facts.plan().install().copies().stream()
                        .filter(c -> rel.equals(c.archivePath())).map(InstallStep.Copy::target).findFirst()
                        .orElse(f.destination() + "/" + AgentPath.basename(rel));
                out.accept(Diagnostic.warning(DiagnosticCode.FILES_DESTINATION_NAMES_FILE,
                                "destination " + f.destination() + " looks like a file name, but the agent treats it "
                                        + "as a directory: " + source + " lands at " + lands + ".")
                        .withFix("destination: " + AgentPath.dirname(f.destination()))
                        .at(file, m.line(), m.column()));
            }
        }
    }

    private static boolean looksLikeFileName(String destination) {
        String base = AgentPath.basename(destination);
        return base.matches(".+\\.(conf|cfg|ini|json|ya?ml|xml|properties|txt|html?|js|sh|py|jar|war|env)$");
    }

    private static Diagnostic installFailure(InstallFailure f, String file) {
        return Diagnostic.error(f.code(), "The Install step fails while planning the copies: "
                        + lowerFirst(f.agentMessage().replaceFirst("^The deployment failed because ", "")))
                .withAgentMessage(f.agentMessage())
                .withFix(switch (f.code()) {
                    case FILE_EXISTS -> "Set file_exists_behavior: OVERWRITE (or RETAIN) at the top level, or remove "
                            + "the file from the instance.";
                    case PERMISSION_DUPLICATE -> "Make the permissions entries cover disjoint paths.";
                    case PERMISSION_NOT_APPLICABLE -> "For a file object drop pattern, except and default (d:) ACLs.";
                    default -> "Give each destination path a single source.";
                })
                .at(file, f.mark().line(), f.mark().column());
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
