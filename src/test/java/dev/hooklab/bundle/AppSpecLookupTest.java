package dev.hooklab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AppSpecLookupTest {
    @TempDir
    Path tmp;

    private DeploymentArchive revision(TestRevision items) throws Exception {
        return new BundleReader().open(items.zip(tmp, "r" + System.nanoTime() + ".zip")).archive();
    }

    @Test
    void theDefaultNameIsFoundByInstallAndHooks() throws Exception {
        AppSpecLookup lookup = AppSpecLookup.in(revision(TestRevision.exact().file("appspec.yml", "x")), null);

        assertThat(lookup.configuredName()).isEqualTo("appspec.yml");
        assertThat(lookup.installName()).isEqualTo("appspec.yml");
        assertThat(lookup.hookName()).isEqualTo("appspec.yml");
        assertThat(lookup.found()).isTrue();
        assertThat(lookup.effectiveName()).contains("appspec.yml");
        assertThat(lookup.wrongCase()).isEmpty();
        assertThat(lookup.nested()).isEmpty();
    }

    @Test
    void installFallsBackToAppspecYamlButHooksDoNot() throws Exception {
        AppSpecLookup lookup = AppSpecLookup.in(revision(TestRevision.exact().file("appspec.yaml", "x")), " ");

        assertThat(lookup.configuredName()).isEqualTo("appspec.yml");
        assertThat(lookup.installName()).isEqualTo("appspec.yaml");
        assertThat(lookup.hookName()).isNull();
        assertThat(lookup.found()).isFalse();
        assertThat(lookup.effectiveName()).contains("appspec.yaml");
    }

    @Test
    void installPrefersTheConfiguredNameThenYamlThenYml() throws Exception {
        DeploymentArchive both = revision(TestRevision.exact().file("appspec.yml", "x").file("appspec.yaml", "x")
                .file("deploy/spec.yml", "x"));

        assertThat(AppSpecLookup.in(both, "appspec.yml").installName()).isEqualTo("appspec.yml");
        assertThat(AppSpecLookup.in(both, "custom.yml").installName()).isEqualTo("appspec.yaml");
        assertThat(AppSpecLookup.in(both, "custom.yml").hookName()).isNull();
        AppSpecLookup configured = AppSpecLookup.in(both, "deploy/spec.yml");
        assertThat(configured.installName()).isEqualTo("deploy/spec.yml");
        assertThat(configured.hookName()).isEqualTo("deploy/spec.yml");
    }

    @Test
    void aWrongCaseIsReportedAndNotFound() throws Exception {
        DeploymentArchive r = revision(TestRevision.exact().dir("myapp").file("myapp/AppSpec.YML", "x")
                .file("myapp/scripts/run.sh", "x"));
        assertThat(r.topFolder().stripped()).isTrue();

        AppSpecLookup lookup = AppSpecLookup.in(r, null);

        assertThat(lookup.installName()).isNull();
        assertThat(lookup.hookName()).isNull();
        assertThat(lookup.effectiveName()).isEmpty();
        assertThat(lookup.wrongCase()).containsExactly("AppSpec.YML");
    }

    @Test
    void nestedCopiesAreListedButNeverRead() throws Exception {
        DeploymentArchive r = revision(TestRevision.exact().file("README.md", "x").file("app/appspec.yml", "x")
                .file("infra/deploy/APPSPEC.yaml", "x").dir("old/appspec.yml"));

        AppSpecLookup lookup = AppSpecLookup.in(r, null);

        assertThat(lookup.found()).isFalse();
        assertThat(lookup.nested()).containsExactly("app/appspec.yml", "infra/deploy/APPSPEC.yaml");
    }

    @Test
    void anAppspecReachedThroughAnInsideLinkCounts() throws Exception {
        DeploymentArchive r = revision(TestRevision.exact().file("config/appspec.yml", "x")
                .symlink("appspec.yml", "config/appspec.yml").symlink("appspec.yaml", "/etc/appspec.yaml"));

        AppSpecLookup lookup = AppSpecLookup.in(r, null);

        assertThat(lookup.installName()).isEqualTo("appspec.yml");
        assertThat(lookup.hookName()).isEqualTo("appspec.yml");
        assertThat(AppSpecLookup.in(r, "appspec.yaml").hookName()).as("a link that leaves the revision").isNull();
    }

    @Test
    void aFolderNamedLikeTheAppspecIsNotOne() throws Exception {
        AppSpecLookup lookup = AppSpecLookup.in(revision(TestRevision.exact().dir("appspec.yml")
                .file("appspec.yml/x", "x")), null);
        assertThat(lookup.installName()).isNull();
    }
}
