package dev.hooklab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design's import table (DESIGN.md, "Packages"), checked on the compiled production classes, so
 * fully qualified uses count as much as imports. Ground floor up, each package may use only the ones
 * below it; the sub-packages of {@code run} may use each other.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.hooklab");
    }

    static LayeredArchitecture importTable() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("dev.hooklab..")
                .layer("finding").definedBy("dev.hooklab.finding..")
                .layer("work").definedBy("dev.hooklab.work..")
                .layer("bundle").definedBy("dev.hooklab.bundle..")
                .layer("appspec").definedBy("dev.hooklab.appspec..")
                .layer("plan").definedBy("dev.hooklab.plan..")
                .layer("diagnose").definedBy("dev.hooklab.diagnose..")
                .layer("inspect").definedBy("dev.hooklab.inspect..")
                .layer("report").definedBy("dev.hooklab.report..")
                .layer("explain").definedBy("dev.hooklab.explain..")
                .layer("sample").definedBy("dev.hooklab.sample..")
                .layer("run").definedBy("dev.hooklab.run..")
                .layer("cli").definedBy("dev.hooklab.cli..")
                .layer("ui").definedBy("dev.hooklab.ui..")
                .layer("app").definedBy("dev.hooklab.app..")

                .whereLayer("finding").mayNotAccessAnyLayer()
                // the one source of threads, on the ground floor too: everyone may use it, it uses nothing of ours
                .whereLayer("work").mayNotAccessAnyLayer()
                .ignoreDependency(resideInAPackage("dev.hooklab.."), resideInAPackage("dev.hooklab.work.."))
                .whereLayer("bundle").mayOnlyAccessLayers("finding")
                .whereLayer("appspec").mayOnlyAccessLayers("finding")
                .whereLayer("plan").mayOnlyAccessLayers("appspec", "bundle", "finding")
                .whereLayer("diagnose").mayOnlyAccessLayers("plan", "appspec", "bundle", "finding")
                .whereLayer("inspect").mayOnlyAccessLayers("diagnose", "plan", "appspec", "bundle", "finding")
                .whereLayer("report").mayOnlyAccessLayers("inspect", "diagnose", "plan", "appspec", "bundle", "finding")
                .whereLayer("explain").mayOnlyAccessLayers("inspect", "diagnose", "plan", "appspec", "bundle", "finding")
                // the built-in sample revisions: files and their modes, nothing of the engine
                .whereLayer("sample").mayNotAccessAnyLayer()
                // one layer for run and all its sub-packages: they may use each other (for now)
                .whereLayer("run").mayOnlyAccessLayers("report", "inspect", "diagnose", "plan", "appspec", "bundle",
                        "finding")
                .whereLayer("cli").mayOnlyAccessLayers("run", "report", "explain", "sample", "inspect", "diagnose",
                        "plan", "appspec", "bundle", "finding")
                // the window must not depend on the command line
                .whereLayer("ui").mayOnlyAccessLayers("run", "report", "explain", "sample", "inspect", "diagnose",
                        "plan", "appspec", "bundle", "finding")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                // a new top-level package must be given its place in the table
                .ensureAllClassesAreContainedInArchitecture();
    }

    @Test
    void packagesImportOnlyWhatTheTableAllows() {
        importTable().check(production);
    }

    @Test
    void theTableReportsAGroundFloorClassReachingUp() {
        // guards the rule above against passing vacuously: a test class breaks the table on purpose
        JavaClasses withTests = new ClassFileImporter().importPackages("dev.hooklab");

        EvaluationResult result = importTable().evaluate(withTests);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("dev.hooklab.finding.UpwardDependencyFixture")
                        && line.contains("dev.hooklab.plan.DeploymentType"));
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.hooklab.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        ArchRule engineWithoutJavaFx = noClasses()
                .that().resideOutsideOfPackages("dev.hooklab.ui..", "dev.hooklab.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine runs without a window (DESIGN.md)");
        engineWithoutJavaFx.check(production);
    }

    @Test
    void theJavaFxRuleSeesJavaFxWhereItIsAllowed() {
        // guards the rule above against reading nothing: the window's classes do depend on javafx
        assertThat(production.stream()
                .filter(c -> c.getPackageName().startsWith("dev.hooklab.ui"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("javafx.")))
                .isTrue();
    }
}
