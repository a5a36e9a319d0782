package dev.hooklab.appspec;

/**
 * The agent's exact error texts for the AppSpec parse step, typos included ("specifiles",
 * "filespecifies", "in the hooks section" for an ACL). Sources: aws-codedeploy-agent
 * {@code lib/instance_agent/plugins/codedeploy/application_specification/*.rb} and ruby/psych.
 */
final class AppSpecAgentErrors {
    private AppSpecAgentErrors() {
    }

    // --- Psych (ruby/psych lib/psych/exception.rb, lib/psych/syntax_error.rb) ---

    static String aliasesNotEnabled() {
        return "Alias parsing was not enabled. To enable it, pass `aliases: true` to `Psych::load` or `Psych::safe_load`.";
    }

    static String disallowedClass(String rubyClass) {
        return "Tried to load unspecified class: " + rubyClass;
    }

    /** Psych::SyntaxError: {@code (<unknown>): <problem> <context> at line L column C}. */
    static String syntaxError(String problem, String context, int line, int column) {
        String err = context == null || context.isEmpty() ? problem : problem + " " + context;
        return "(<unknown>): " + err + " at line " + line + " column " + column;
    }

    // --- application_specification.rb ---

    static String empty() {
        return "The deployment failed because the application specification file was empty. Make sure your AppSpec "
                + "file defines at minimum the 'version' and 'os' properties.";
    }

    static String invalidVersion(String version) {
        return "The deployment failed because an invalid version value (" + version + ") was entered in the "
                + "application specification file. Make sure your AppSpec file specifies \"0.0\" as the version, "
                + "and then try again.";
    }

    static String unsupportedOs(String os) {
        return "The deployment failed because the application specification file specifies an unsupported operating "
                + "system (" + os + "). Specify either \"linux\" or \"windows\" in the os section of the AppSpec file, "
                + "and then try again.";
    }

    static String scriptWithoutLocation() {
        return "The deployment failed because the application specification file specifies a script with no location "
                + "value. Specify the location in the hooks section of the AppSpec file, and then try again.";
    }

    static String invalidTimeout() {
        return "The deployment failed because an invalid timeout value was provided for a script in the application "
                + "specification file. Make corrections in the hooks section of the AppSpec file, and then try again.";
    }

    static String fileWithoutSource() {
        return "The deployment failed because the application specification file specifies a destination file, but no "
                + "source file. Update the files section of the AppSpec file, and then try again.";
    }

    static String fileWithoutDestination(String source) {
        return "The deployment failed because the application specification file specifies only a source file ("
                + source + "). Add the name of the destination file to the files section of the AppSpec file, and then "
                + "try again.";
    }

    static String permissionWithoutObject() {
        return "The deployment failed because a permission listed in the application specification file has no object "
                + "value. Update the permissions section of the AppSpec file, and then try again.";
    }

    static String permissionsOnWindows() {
        return "The deployment failed because the application specification file specifiles file permissions, but the "
                + "deployment is targeting one or more Windows Server instances. Permissions are supported only for "
                + "Amazon Linux, Ubuntu Server, and Red Hat Enterprise Linux (RHEL) instances. Update the permissions "
                + "section of the AppSpec file, and then try again.";
    }

    static String unsupportedPermissionType(String type) {
        return "The deployment failed because the application specification filespecifies a permission for an object "
                + "type not supported for permissions (" + type + "). Update the permissions section of the AppSpec "
                + "file, and then try again.";
    }

    static String invalidFileExistsBehavior(String value) {
        return "The deployment failed because an invalid file_exists_behavior value (" + value + ") was entered in the "
                + "application specification file. Make sure your AppSpec file specifies one of "
                + "DISALLOW,OVERWRITE,RETAIN as the file_exists_behavior, and then try again.";
    }

    // --- mode_info.rb ---

    static String modeLength(String mode) {
        return "The deployment failed because the length of a permissions mode (" + mode + ") in the application "
                + "specification file is invalid. Permissions modes must be between one and four characters long. "
                + "Update the permissions section of the AppSpec file, and then try again.";
    }

    static String modeCharacter(String mode, String character) {
        return "The deployment failed because the permissions mode (" + mode + ") in the application specification "
                + "file contains an invalid character (" + character + "). Update the permissions section of the "
                + "AppSpec file, and then try again.";
    }

    // --- ace_info.rb ---

    static String invalidAce(String ace) {
        return "The deployment failed because of a problem with the acls permission settings in the application "
                + "specification file. Invalid acl entry (" + ace + ").";
    }

    static String baseAce(String ace) {
        return "The deployment failed because of a problem with the acls permission settings in the application "
                + "specification file. Use mode to set the base acl entry (" + ace + "). Update the permissions "
                + "section of the AppSpec file, and then try again.";
    }

    static String aceCharacter(String ace, String character) {
        return "The deployment failed because the access control list (ACL) named " + ace + " in the application "
                + "specification file contains an invalid character (" + character + "). Correct the ACL in the hooks "
                + "section of the AppSpec file, and then try again.";
    }

    // --- context_info.rb, range_info.rb ---

    static String invalidContextType(String contextInspect) {
        return "The deployment failed because the application specification file specifies an invalid context type ("
                + contextInspect + "). Update the permissions section of the AppSpec file, and then try again.";
    }

    static String invalidRange(String range) {
        return "The deployment failed because of a problem with the SELinux range specified (" + range + ") for the "
                + "context parameter in the permissions section of the application specification file. Make "
                + "corrections in the permissions section of the AppSpec file, and then try again.";
    }

    static String invalidRangePart(String part) {
        return "invalid range part " + part;
    }

    static String invalidSensitivity(String sensitivity) {
        return "invalid sensitivity " + sensitivity;
    }

    static String invalidCategory(String category) {
        return "invalid category " + category;
    }

    static String invalidCategoryRange(String low, String high) {
        return "invalid category range " + low + "." + high;
    }

    static String duplicateCategories() {
        return "duplicate categories";
    }
}
