package dev.hooklab.plan;

import java.util.random.RandomGenerator;

/**
 * Draws the id of a deployment the user did not name, as codedeploy-local does: {@code d-} and 9 characters from
 * A-Z and 0-9. The composition root builds one from a secure random source; tests give a seeded or fixed one.
 */
@FunctionalInterface
public interface DeploymentIds {
    String CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A new deployment id. */
    String next();

    /** Ids drawn from {@code random}: a seeded generator gives the same ids every time. */
    static DeploymentIds random(RandomGenerator random) {
        return () -> {
            StringBuilder b = new StringBuilder("d-");
            for (int i = 0; i < 9; i++) {
                b.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            }
            return b.toString();
        };
    }
}
