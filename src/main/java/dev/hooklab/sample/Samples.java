package dev.hooklab.sample;

import java.util.List;
import java.util.Optional;

/** The catalog of built-in sample revisions, in the order a menu shows them. Immutable. */
public final class Samples {
    public static final String SEED_STORY = "seed-story";
    public static final String HEALTHY_SERVICE = "healthy-service";
    public static final String CLASSIC_MISTAKES = "classic-mistakes";

    private final List<Sample> all = List.of(
            new Sample(SEED_STORY, "The seed story: Script does not exist",
                    "AfterInstall's location is where the files section installs the script, so the agent looks "
                            + "for it inside deployment-archive and fails; the fix is the path inside the revision.",
                    List.of(file("appspec.yml"), exec("start_aplication.sh"), file("index.html"),
                            exec("scripts/stop_application.sh"), exec("scripts/validate_service.sh"))),
            new Sample(HEALTHY_SERVICE, "A healthy service",
                    "A small service with five hooks that installs to /opt/hello and runs green in the sandbox.",
                    List.of(file("appspec.yml"), exec("app/bin/hello.sh"), file("app/config/hello.conf"),
                            exec("scripts/stop.sh"), exec("scripts/before_install.sh"),
                            exec("scripts/after_install.sh"), exec("scripts/start.sh"), exec("scripts/validate.sh"))),
            new Sample(CLASSIC_MISTAKES, "Classic mistakes",
                    "A CRLF script, a missing shebang, a background process holding STDOUT, an unquoted mode: 0644, "
                            + "an AfterInstal typo and a location written from the repository root.",
                    List.of(file("appspec.yml"), exec("scripts/install_deps.sh"), exec("scripts/migrate.sh"),
                            exec("scripts/start_server.sh"), exec("scripts/warm_cache.sh"),
                            exec("scripts/health_check.sh"), file("config/shop.conf"), file("index.html"))));

    public List<Sample> all() {
        return all;
    }

    public Optional<Sample> byName(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The seed story, which the window opens when started without a file. */
    public Sample seedStory() {
        return byName(SEED_STORY).orElseThrow();
    }

    private static Sample.File file(String path) {
        return new Sample.File(path, false);
    }

    private static Sample.File exec(String path) {
        return new Sample.File(path, true);
    }
}
