/**
 * The AppSpec file as the CodeDeploy agent (1.x, Ruby 3.1 or later) reads it.
 *
 * <p>Entry point: {@link dev.hooklab.appspec.AppSpecParser#parse(String, String, TargetOs)} returns an
 * {@link dev.hooklab.appspec.AppSpecDocument}: the YAML tree ({@link dev.hooklab.appspec.YamlValue},
 * with 1-based {@link dev.hooklab.appspec.Mark}s and Ruby renderings), the agent's reading
 * ({@link dev.hooklab.appspec.AppSpec}: hooks, files, permissions, file_exists_behavior), and the
 * diagnostics: YAML findings, or the agent's validation errors in the agent's order, each with the
 * agent's exact text.
 *
 * <p>Inside: {@code YamlLoader} and {@code PsychTreeBuilder} reproduce Psych's {@code YAML.load}
 * ({@code PsychScalars}, {@code PsychTags}, {@code PsychSyntaxError}); {@code AppSpecValidator} and
 * its sections ({@code HooksSection}, {@code FilesSection}, {@code PermissionsSection} with
 * {@code PermissionMode}, {@code AclEntry}, {@code SelinuxRange}) reproduce ApplicationSpecification;
 * {@code RubyCalls}, {@code RubyNumbers} and {@code RubyFormat} the Ruby semantics both rely on.
 */
package dev.hooklab.appspec;
