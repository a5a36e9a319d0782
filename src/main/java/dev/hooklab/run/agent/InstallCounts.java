package dev.hooklab.run.agent;

/**
 * What Install did in the sandbox.
 *
 * @param directoriesCreated mkdir instructions carried out
 * @param filesCopied        regular files copied (mode and times kept)
 * @param symlinksCreated    symlinks recreated with the same target
 * @param modesSet           chmod instructions carried out
 * @param aclsSet            setfacl commands run successfully
 * @param ownersSet          chown instructions carried out
 */
public record InstallCounts(int directoriesCreated, int filesCopied, int symlinksCreated, int modesSet,
                            int aclsSet, int ownersSet) {

    public static InstallCounts none() {
        return new InstallCounts(0, 0, 0, 0, 0, 0);
    }
}
