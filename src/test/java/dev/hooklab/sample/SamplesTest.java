package dev.hooklab.sample;

import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.YamlLimits;
import dev.hooklab.bundle.BundleReader;
import dev.hooklab.diagnose.rules.Diagnoser;
import dev.hooklab.explain.Explainer;
import dev.hooklab.explain.Explanation;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.Planner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog matches its resources, writes them with their modes, and each sample tells its story to inspect. */
class SamplesTest {
    private static final Inspector INSPECTOR = new Inspector(new BundleReader(),
            new AppSpecParser(YamlLimits.defaults()), new Planner(), new Diagnoser());

    private final Samples samples = new Samples();

    @TempDir
    Path tmp;

    @Test
    void theCatalogListsExactlyTheFilesEachResourceFolderHolds() throws Exception {
        assertThat(samples.all()).extracting(Sample::name)
                .containsExactly("seed-story", "healthy-service", "classic-mistakes");
        for (Sample s : samples.all()) {
            Path folder = resourceFolder(s.name());
            List<String> onDisk;
            try (Stream<Path> walk = Files.walk(folder)) {
                onDisk = walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
            }
            assertThat(s.files()).extracting(Sample.File::path).containsExactlyInAnyOrderElementsOf(onDisk);
            assertThat(s.title()).isNotBlank();
            assertThat(s.story()).isNotBlank();
        }
    }

    @Test
    void materializeWritesScriptsExecutableAndRefusesAFolderWithContents() throws Exception {
        Path dir = samples.seedStory().materialize(tmp.resolve("seed"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("start_aplication.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("appspec.yml"))))
                .isEqualTo("rw-r--r--");
        assertThatThrownBy(() -> samples.seedStory().materialize(dir)).isInstanceOf(FileAlreadyExistsException.class);
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> samples.seedStory().materialize(file)).isInstanceOf(FileAlreadyExistsException.class);
        // an existing empty folder is fine
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(samples.byName("healthy-service").orElseThrow().materialize(empty).resolve("scripts/start.sh"))
                .isExecutable();
    }

    @Test
    void theCrlfScriptKeepsItsCarriageReturns() throws Exception {
        Path dir = samples.byName(Samples.CLASSIC_MISTAKES).orElseThrow().materialize(tmp.resolve("cm"));
        assertThat(Files.readString(dir.resolve("scripts/install_deps.sh"))).startsWith("#!/bin/bash\r\n");
    }

    @Test
    void theSeedStoryFailsAsTheAgentFailsItAndItsMessageIsExplained() throws Exception {
        Inspection in = inspect(samples.seedStory());

        Diagnostic missing = in.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.SCRIPT_MISSING)
                .findFirst().orElseThrow();
        assertThat(missing.agentMessage()).isEqualTo("Script does not exist at specified location: "
                + in.plan().layout().archiveDir() + "/var/app/current/start_aplication.sh");
        assertThat(missing.fix()).isEqualTo("location: start_aplication.sh");
        assertThat(in.diagnostics()).filteredOn(Diagnostic::isError).hasSize(1);

        Explanation e = new Explainer().explain(missing.agentMessage(), Optional.of(in));
        assertThat(e.script().orElseThrow().event()).isEqualTo("AfterInstall");
        assertThat(e.change()).endsWith("location: start_aplication.sh");
    }

    @Test
    void theHealthyServiceHasNoErrorsAndNoWarnings() throws Exception {
        Inspection in = inspect(samples.byName(Samples.HEALTHY_SERVICE).orElseThrow());
        assertThat(in.diagnostics()).allMatch(d -> d.severity() == Severity.INFO);
        assertThat(in.plan().hookEvents().stream().filter(ev -> !ev.scripts().isEmpty()).count()).isEqualTo(5);
    }

    @Test
    void inspectFindsEachClassicMistake() throws Exception {
        Inspection in = inspect(samples.byName(Samples.CLASSIC_MISTAKES).orElseThrow());

        assertThat(in.diagnostics()).extracting(Diagnostic::code).contains(
                DiagnosticCode.SCRIPT_CRLF, DiagnosticCode.SCRIPT_NO_SHEBANG,
                DiagnosticCode.BACKGROUND_PROCESS_HOLDS_OUTPUT, DiagnosticCode.MODE_OCTAL,
                DiagnosticCode.UNKNOWN_EVENT, DiagnosticCode.SCRIPT_MISSING);
        assertThat(in.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.SCRIPT_MISSING).singleElement()
                .satisfies(d -> assertThat(d.fix()).isEqualTo("location: scripts/health_check.sh"));
        assertThat(in.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.UNKNOWN_EVENT).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("AfterInstal"));
        assertThat(in.diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).hasSize(6);
    }

    private Inspection inspect(Sample s) throws Exception {
        return INSPECTOR.inspect(s.materialize(tmp.resolve(s.name())),
                DeploymentLayout.defaults(TargetOs.LINUX, () -> "d-SAMPLE000"), InspectOptions.defaults());
    }

    private static Path resourceFolder(String name) throws URISyntaxException {
        return Paths.get(SamplesTest.class.getResource("/dev/hooklab/samples/" + name).toURI());
    }
}
