package dev.hooklab.explain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An absolute path on the instance, split the way the agent builds it:
 * {@code <rootDir>/<deploymentGroupId>/<deploymentId>/deployment-archive/<archivePath>}.
 *
 * @param path              the path as given (Windows separators turned into '/', as Ruby prints it)
 * @param rootDir           the agent's root_dir
 * @param deploymentGroupId the deployment group id
 * @param deploymentId      the deployment id
 * @param archivePath       the part below deployment-archive, or null when the path is elsewhere in the deployment
 *                          folder ({@code logs/scripts.log}); "" for deployment-archive itself
 */
public record InstancePath(String path, String rootDir, String deploymentGroupId, String deploymentId,
                           String archivePath) {
    private static final String ARCHIVE = "deployment-archive";
    /** The deployment ids the service hands out: {@code d-} and nine capitals or digits. */
    private static final Pattern DEPLOYMENT_ID = Pattern.compile("d-[A-Z0-9]{9}");

    /**
     * Splits an absolute path; empty when it is not under a deployment folder. The deployment folder is found by
     * its deployment-archive child, else by a segment shaped like a deployment id.
     */
    public static Optional<InstancePath> parse(String text) {
        String p = text.replace('\\', '/');
        boolean absolute = p.startsWith("/") || (p.length() > 2 && Character.isLetter(p.charAt(0))
                && p.charAt(1) == ':' && p.charAt(2) == '/');
        if (!absolute) {
            return Optional.empty();
        }
        String[] seg = p.split("/", -1);
        int archive = -1;
        for (int i = 3; i < seg.length; i++) {
            if (seg[i].equals(ARCHIVE) && !seg[i - 1].isEmpty() && !seg[i - 2].isEmpty()) {
                archive = i;
                break;
            }
        }
        int deployment = archive > 0 ? archive - 1 : -1;
        if (deployment < 0) {
            for (int i = 2; i < seg.length; i++) {
                if (DEPLOYMENT_ID.matcher(seg[i]).matches() && !seg[i - 1].isEmpty()) {
                    deployment = i;
                    break;
                }
            }
        }
        if (deployment < 2) {
            return Optional.empty();
        }
        String root = String.join("/", java.util.Arrays.copyOfRange(seg, 0, deployment - 1));
        if (root.isEmpty() || root.endsWith(":")) {
            root = root + "/";
        }
        String below = archive > 0
                ? String.join("/", java.util.Arrays.copyOfRange(seg, archive + 1, seg.length)) : null;
        return Optional.of(new InstancePath(p, root, seg[deployment - 1], seg[deployment], below));
    }

    /** Whether the deployment id has the service's shape ({@code d-XXXXXXXXX}). */
    public static boolean isDeploymentId(String s) {
        return s != null && DEPLOYMENT_ID.matcher(s).matches();
    }
}
