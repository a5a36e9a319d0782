package dev.hooklab.appspec;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's AppSpec checks (semantics 3.2 and 10.1), with marks, fixes and the best-effort model. */
class AppSpecValidationTest {
    private static final String HEAD = "version: 0.0\nos: linux\n";
    private final AppSpecParser parser = new AppSpecParser();

    private AppSpecDocument parse(String text) {
        return parser.parse("appspec.yml", text, TargetOs.LINUX);
    }

    private static List<Diagnostic> errors(AppSpecDocument doc) {
        return doc.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    private Diagnostic onlyError(String text) {
        List<Diagnostic> errors = errors(parse(text));
        assertThat(errors).as("errors of\n%s", text).hasSize(1);
        return errors.get(0);
    }

    private static String permission(String lines) {
        return HEAD + "permissions:\n  - object: /var/www\n" + lines.indent(4);
    }

    // --- shapes that make the agent crash with a Ruby error ---

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "hooks:\\n  - BeforeInstall:\\n      - location: s.sh|undefined method 'each_pair' for an instance of Array",
            "hooks: scripts/run.sh|undefined method 'each_pair' for an instance of String",
            "hooks: 5|undefined method 'each_pair' for an instance of Integer",
            "hooks: true|undefined method 'each_pair' for true",
            "hooks:\\n  BeforeInstall:\\n    location: s.sh|undefined method 'has_key?' for an instance of Array",
            "hooks:\\n  BeforeInstall: s.sh|undefined method 'each' for an instance of String",
            "hooks:\\n  BeforeInstall: false|undefined method 'each' for false",
            "hooks:\\n  BeforeInstall:\\n    - s.sh|undefined method 'has_key?' for an instance of String",
            "hooks:\\n  BeforeInstall:\\n    -|undefined method 'has_key?' for nil",
            "hooks:\\n  BeforeInstall:\\n    - [s.sh]|undefined method 'has_key?' for an instance of Array",
            "files:\\n  source: /\\n  destination: /srv|no implicit conversion of String into Integer",
            "files: /srv|undefined method 'each' for an instance of String",
            "files:\\n  -|undefined method '[]' for nil",
            "files:\\n  - [/, /srv]|no implicit conversion of String into Integer",
            "files:\\n  - 5|no implicit conversion of String into Integer",
            "files:\\n  - 1.5|undefined method '[]' for an instance of Float",
            "permissions:\\n  object: /srv|undefined method 'has_key?' for an instance of Array",
            "permissions: /srv|undefined method 'each' for an instance of String",
            "permissions:\\n  - /srv|undefined method 'has_key?' for an instance of String",
            "permissions:\\n  - object: /srv\\n    type: file|undefined method 'each' for an instance of String",
            "permissions:\\n  - object: /srv\\n    acls: u:bob:7|undefined method 'each' for an instance of String",
            "permissions:\\n  - object: /srv\\n    acls: [7]|undefined method 'split' for an instance of Integer",
            "permissions:\\n  - object: /srv\\n    acls: {u: bob}|undefined method 'split' for an instance of Array",
            "permissions:\\n  - object: /srv\\n    except: '*.tmp'|undefined method 'each' for an instance of String",
            "permissions:\\n  - object: /srv\\n    context: 5|no implicit conversion of String into Integer",
            "permissions:\\n  - object: /srv\\n    context: [a]|no implicit conversion of String into Integer",
            "permissions:\\n  - object: /srv\\n    context: {type: t, range: 5}|undefined method 'include?' for an instance of Integer",
            "permissions:\\n  - object: /srv\\n    context: {type: t, range: [s0]}|undefined method 'split' for an instance of Array"})
    void crashShapesGiveOneClearError(String yaml, String rubyError) {
        Diagnostic e = onlyError(HEAD + yaml.replace("\\n", "\n") + "\n");
        assertThat(e.code()).isEqualTo(DiagnosticCode.APPSPEC_STRUCTURE);
        assertThat(e.agentMessage()).isEqualTo(rubyError);
        assertThat(e.message()).contains("crashes");
        assertThat(e.fix()).isNotBlank();
        assertThat(e.line()).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "- version: 0.0\\n- os: linux|no implicit conversion of String into Integer",
            "5|no implicit conversion of String into Integer",
            "1.5|undefined method '[]' for an instance of Float",
            "true|undefined method '[]' for true"})
    void topLevelShapes(String yaml, String rubyError) {
        Diagnostic e = onlyError(yaml.replace("\\n", "\n") + "\n");
        assertThat(e.code()).isEqualTo(DiagnosticCode.APPSPEC_STRUCTURE);
        assertThat(e.agentMessage()).isEqualTo(rubyError);
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void aPlainStringDocumentFailsOnTheVersion() {
        assertThat(onlyError("hello world\n").agentMessage()).isEqualTo("The deployment failed because an invalid "
                + "version value () was entered in the application specification file. Make sure your AppSpec file "
                + "specifies \"0.0\" as the version, and then try again.");
        // String#[]('version') returns the substring when it occurs
        assertThat(onlyError("see version notes\n").agentMessage()).contains("invalid version value (version)");
    }

    @Test
    void timeoutCrashes() {
        Diagnostic e = onlyError(HEAD + "hooks:\n  A:\n    - location: a.sh\n      timeout: true\n");
        assertThat(e.code()).isEqualTo(DiagnosticCode.HOOK_TIMEOUT_INVALID);
        assertThat(e.agentMessage()).isEqualTo("undefined method 'to_i' for true");
        assertThat(onlyError(HEAD + "hooks:\n  A:\n    - location: a.sh\n      timeout: .inf\n").agentMessage())
                .isEqualTo("Infinity");
    }

    @Test
    void emptyCollectionsDoNotCrash() {
        assertThat(parse(HEAD + "hooks: {}\nfiles: {}\npermissions: {}\n").valid()).isTrue();
        assertThat(parse(HEAD + "hooks:\n  BeforeInstall: {}\n").valid()).isTrue();
        assertThat(parse(HEAD + "hooks: false\nfiles: false\npermissions: false\n").valid()).isTrue();
        assertThat(parse(HEAD + "hooks:\nfiles:\npermissions:\n").valid()).isTrue();
    }

    @Test
    void aFilesEntryThatIsTextFailsWithoutCrashing() {
        Diagnostic e = onlyError(HEAD + "files:\n  - /srv\n");
        assertThat(e.code()).isEqualTo(DiagnosticCode.FILES_SOURCE_MISSING);
        assertThat(e.agentMessage()).contains("specifies a destination file, but no source file");
        assertThat(e.message()).contains("not a mapping");
    }

    // --- version, os, file_exists_behavior ---

    @Test
    void versionValues() {
        for (String ok : List.of("0.0", "0", "0.00", "-0.0", "00", "0x0")) {
            assertThat(parse("version: " + ok + "\nos: linux\n").valid()).as(ok).isTrue();
        }
        Diagnostic quoted = onlyError("version: \"0.0\"\nos: linux\n");
        assertThat(quoted.code()).isEqualTo(DiagnosticCode.VERSION_INVALID);
        assertThat(quoted.agentMessage()).contains("invalid version value (0.0)");
        assertThat(quoted.message()).contains("quote");
        assertThat(quoted.fix()).isEqualTo("version: 0.0 (unquoted)");
        assertThat(quoted.line()).isEqualTo(1);
        assertThat(quoted.column()).isEqualTo(10);
        assertThat(onlyError("version: 1e20\nos: linux\n").agentMessage()).contains("(1e20)");
        assertThat(onlyError("version: 1.0e+20\nos: linux\n").agentMessage()).contains("(1.0e+20)");
        assertThat(onlyError("version: [0.0]\nos: linux\n").agentMessage()).contains("([0.0])");
    }

    @Test
    void missingKeysPointAtTheDocumentStart() {
        Diagnostic version = onlyError("# AppSpec\nos: linux\n");
        assertThat(version.agentMessage()).contains("invalid version value ()");
        assertThat(version.line()).isEqualTo(2);
        assertThat(version.column()).isEqualTo(1);
        Diagnostic capital = onlyError("Version: 0.0\nos: linux\n");
        assertThat(capital.message()).contains("case-sensitive");
        Diagnostic nullValue = onlyError("os: linux\nversion:\n");
        assertThat(nullValue.line()).isEqualTo(2);
        assertThat(nullValue.column()).isEqualTo(1);
    }

    @Test
    void osMustBeTheAgentPlatformsWord() {
        Diagnostic windows = onlyError("version: 0.0\nos: windows\n");
        assertThat(windows.code()).isEqualTo(DiagnosticCode.OS_UNSUPPORTED);
        assertThat(windows.agentMessage()).contains("unsupported operating system (windows)");
        assertThat(windows.message()).contains("Windows").contains("Linux");
        assertThat(windows.fix()).isEqualTo("os: linux");
        assertThat(onlyError("version: 0.0\nos: Linux\n").message()).contains("case-sensitive");
        assertThat(onlyError("version: 0.0\nos: :linux\n").agentMessage()).contains("operating system (linux)");
        assertThat(onlyError("version: 0.0\n").agentMessage()).contains("operating system ()");

        AppSpecDocument onWindows = parser.parse("appspec.yml", "version: 0.0\nos: windows\n", TargetOs.WINDOWS);
        assertThat(onWindows.valid()).isTrue();
        assertThat(onWindows.spec().os()).isEqualTo("windows");
        Diagnostic linuxOnWindows = errors(parser.parse("appspec.yml", HEAD, TargetOs.WINDOWS)).get(0);
        assertThat(linuxOnWindows.agentMessage()).contains("(linux)");
        assertThat(linuxOnWindows.fix()).isEqualTo("os: windows");
    }

    @Test
    void permissionsOnAWindowsAgent() {
        AppSpecDocument doc = parser.parse("appspec.yml", "version: 0.0\nos: windows\npermissions:\n  - pattern: x\n"
                + "  - object: C:\\app\n  - object: C:\\other\n", TargetOs.WINDOWS);
        assertThat(errors(doc)).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.PERMISSION_OBJECT_MISSING, DiagnosticCode.PERMISSIONS_ON_WINDOWS);
        assertThat(errors(doc).get(1).agentMessage()).startsWith("The deployment failed because the application "
                + "specification file specifiles file permissions, but the deployment is targeting one or more Windows "
                + "Server instances.");
        assertThat(errors(doc).get(1).line()).isEqualTo(5);
    }

    @Test
    void fileExistsBehavior() {
        assertThat(parse(HEAD + "file_exists_behavior: RETAIN\n").spec().fileExistsBehavior()).isEqualTo("RETAIN");
        Diagnostic lower = onlyError(HEAD + "file_exists_behavior: overwrite\n");
        assertThat(lower.agentMessage()).isEqualTo("The deployment failed because an invalid file_exists_behavior value "
                + "(overwrite) was entered in the application specification file. Make sure your AppSpec file specifies "
                + "one of DISALLOW,OVERWRITE,RETAIN as the file_exists_behavior, and then try again.");
        assertThat(lower.fix()).isEqualTo("file_exists_behavior: OVERWRITE");
        assertThat(parse(HEAD + "file_exists_behavior:\n").valid()).isTrue();
    }

    // --- hooks ---

    @Test
    void hooksAreReadAsTheAgentReadsThem() {
        AppSpecDocument doc = parse(HEAD + "hooks:\n"
                + "  AfterInstall:\n"
                + "    - location:   scripts/after.sh  \n"
                + "      runas:  deploy \n"
                + "      sudo: \"false\"\n"
                + "      timeout: \"30\"\n"
                + "    - location: scripts/second.sh\n"
                + "      timeout: 1.9\n"
                + "  Empty:\n"
                + "  BeforeInstall:\n"
                + "    - location: 12\n"
                + "      timeout: 30s\n"
                + "      sudo: yes\n"
                + "      runAs: ignored\n"
                + "  Later:\n"
                + "    - location: x.sh\n"
                + "      timeout: 7200\n");
        assertThat(doc.valid()).isTrue();
        assertThat(doc.spec().hooks()).containsOnlyKeys("AfterInstall", "BeforeInstall", "Later");
        assertThat(doc.spec().hooks().keySet()).containsExactly("AfterInstall", "BeforeInstall", "Later");
        HookScript after = doc.spec().hooks().get("AfterInstall").get(0);
        assertThat(after).isEqualTo(new HookScript("AfterInstall", "scripts/after.sh", 30, "deploy", true,
                new Mark(5, 19), new Mark(5, 7)));
        assertThat(doc.spec().hooks().get("AfterInstall").get(1).timeout()).isEqualTo(1);
        HookScript before = doc.spec().hooks().get("BeforeInstall").get(0);
        assertThat(before.location()).isEqualTo("12");
        assertThat(before.timeout()).isEqualTo(30);
        assertThat(before.sudo()).isTrue();
        assertThat(before.runas()).isNull();
        assertThat(doc.spec().hooks().get("Later").get(0).timeout()).isEqualTo(7200);
        assertThat(doc.spec().eventMarks().get("BeforeInstall")).isEqualTo(new Mark(12, 3));
    }

    @ParameterizedTest(name = "timeout: {0}")
    @ValueSource(strings = {"foo", "0", "-5", "0.5", "\"abc\"", "-1:00"})
    void invalidTimeouts(String timeout) {
        Diagnostic e = onlyError(HEAD + "hooks:\n  A:\n    - location: a.sh\n      timeout: " + timeout + "\n");
        assertThat(e.code()).isEqualTo(DiagnosticCode.HOOK_TIMEOUT_INVALID);
        assertThat(e.agentMessage()).isEqualTo("The deployment failed because an invalid timeout value was provided "
                + "for a script in the application specification file. Make corrections in the hooks section of the "
                + "AppSpec file, and then try again.");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(16);
    }

    @Test
    void locationProblems() {
        Diagnostic absent = onlyError(HEAD + "hooks:\n  A:\n    - timeout: 30\n      Location: a.sh\n");
        assertThat(absent.code()).isEqualTo(DiagnosticCode.HOOK_LOCATION_MISSING);
        assertThat(absent.message()).contains("lower case");
        assertThat(absent.line()).isEqualTo(5);
        Diagnostic nullValue = onlyError(HEAD + "hooks:\n  A:\n    - timeout: 30\n      location:\n");
        assertThat(nullValue.line()).isEqualTo(6);
        assertThat(nullValue.column()).isEqualTo(7);
        Diagnostic blank = onlyError(HEAD + "hooks:\n  A:\n    - location: \"  \"\n");
        assertThat(blank.line()).isEqualTo(5);
        assertThat(blank.column()).isEqualTo(17);
    }

    // --- files ---

    @Test
    void filesAreRead() {
        AppSpecDocument doc = parse(HEAD + "files:\n  - source: /\n    destination: /var/www\n  - source: 5\n"
                + "    destination: \"\"\n");
        assertThat(doc.valid()).isTrue();
        assertThat(doc.spec().files()).containsExactly(new FileMapping("/", "/var/www", new Mark(4, 5)),
                new FileMapping("5", "", new Mark(6, 5)));
        Diagnostic noDestination = onlyError(HEAD + "files:\n  - source: app\n    destination:\n");
        assertThat(noDestination.agentMessage()).contains("specifies only a source file (app)");
        assertThat(noDestination.line()).isEqualTo(5);
    }

    // --- permissions ---

    @Test
    void modeTrap() {
        AppSpecDocument octal644 = parse(permission("mode: 0644"));
        assertThat(octal644.valid()).as("0644 is the Integer 420, accepted").isTrue();
        assertThat(octal644.spec().permissions().get(0).mode()).isEqualTo("420");

        Diagnostic octal755 = onlyError(permission("mode: 0755"));
        assertThat(octal755.code()).isEqualTo(DiagnosticCode.PERMISSION_MODE_INVALID);
        assertThat(octal755.agentMessage()).isEqualTo("The deployment failed because the permissions mode (493) in the "
                + "application specification file contains an invalid character (9). Update the permissions section of "
                + "the AppSpec file, and then try again.");
        assertThat(octal755.fix()).startsWith("mode: \"0755\"");
        assertThat(octal755.message()).contains("octal").contains("493");
        assertThat(octal755.line()).isEqualTo(5);
        assertThat(octal755.column()).isEqualTo(11);

        assertThat(onlyError(permission("mode: 0600")).agentMessage()).contains("(384)").contains("character (8)");
        assertThat(parse(permission("mode: \"0644\"")).spec().permissions().get(0).mode()).isEqualTo("0644");
    }

    @ParameterizedTest(name = "mode: {0} -> {1}")
    @CsvSource({"12,012", "7777,7777", "0000,000", "777,777", "4755,4755", "'\"0\"',000", "0640,416", "0777,511"})
    void acceptedModes(String mode, String applied) {
        AppSpecDocument doc = parse(permission("mode: " + mode));
        assertThat(errors(doc)).isEmpty();
        assertThat(doc.spec().permissions().get(0).mode()).isEqualTo(applied);
    }

    @Test
    void rejectedModes() {
        assertThat(onlyError(permission("mode: 12345")).agentMessage())
                .contains("the length of a permissions mode (12345) in the application specification file is invalid");
        assertThat(onlyError(permission("mode: 12a")).agentMessage()).contains("mode (12a)").contains("character (a)");
        assertThat(onlyError(permission("mode: true")).agentMessage()).contains("mode (true)").contains("character (t)");
        assertThat(onlyError(permission("mode: false")).agentMessage()).contains("length of a permissions mode (false)");
    }

    @ParameterizedTest(name = "acl {0}")
    @ValueSource(strings = {"u:henry:7", "d:g:manager:rw", "d:u:bob:rwx", "default:g:dev:rw", "d:bob:rwx", "m::7",
            "bob:0", "mask:", "user:name:rwx", "d:user:name:rwx", "g:dev:r-x", "d:o::r", "d:u::rwx", "d:d:rwx"})
    void acceptedAcls(String ace) {
        AppSpecDocument doc = parse(permission("acls:\n  - '" + ace + "'"));
        assertThat(errors(doc)).isEmpty();
        assertThat(doc.spec().permissions().get(0).acls()).containsExactly(ace);
    }

    @ParameterizedTest(name = "acl {0}")
    @CsvSource(delimiter = '|', value = {
            "7|Invalid acl entry (7).", "d:u:bob:7:rwx|Invalid acl entry (d:u:bob:7:rwx).",
            "invalid:u:bob:7:rwx|Invalid acl entry (invalid:u:bob:7:rwx).",
            "d:invalid:bob:7:rwx|Invalid acl entry (d:invalid:bob:7:rwx).", "d:d:bob:7:rwx|Invalid acl entry (d:d:bob:7:rwx).",
            "mask:name:rwx|Invalid acl entry (mask:name:rwx).", "d:other:name:rwx|Invalid acl entry (d:other:name:rwx).",
            "x:u:bob:rwx|Invalid acl entry (x:u:bob:rwx).", "''|Invalid acl entry ().",
            "user:bob:rwxd|named user:bob:rwxd in the application specification file contains an invalid character (d). "
                    + "Correct the ACL in the hooks section",
            "u:bob:8|contains an invalid character (8)",
            "u::7|Use mode to set the base acl entry (u::7).", "g::7|Use mode to set the base acl entry (g::7).",
            "o:7|Use mode to set the base acl entry (o:7).", "other:r|Use mode to set the base acl entry (other:r)."})
    void rejectedAcls(String ace, String agentText) {
        Diagnostic e = onlyError(permission("acls:\n  - '" + ace + "'"));
        assertThat(e.code()).isEqualTo(DiagnosticCode.PERMISSION_ACL_INVALID);
        assertThat(e.agentMessage()).contains(agentText);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(9);
    }

    @ParameterizedTest(name = "range {0}")
    @ValueSource(strings = {"s5", "s0:c0.c1,c15,c7.c9", "s3-s5:c0.c7,c13", "s0-s0", "s0:c1023", "s0:c0,"})
    void acceptedRanges(String range) {
        AppSpecDocument doc = parse(permission("context:\n  type: t\n  range: '" + range + "'"));
        assertThat(errors(doc)).isEmpty();
        assertThat(doc.spec().permissions().get(0).context()).isEqualTo(new PermissionRule.SeContext(null, "t", range));
    }

    @ParameterizedTest(name = "range {0}")
    @CsvSource(delimiter = '|', value = {
            "s3-s2:c0|The deployment failed because of a problem with the SELinux range specified (s3-s2:c0) for the "
                    + "context parameter in the permissions section of the application specification file. Make "
                    + "corrections in the permissions section of the AppSpec file, and then try again.",
            "s3-:c0|invalid range part s3-", ":c0|invalid range part :c0", "s|invalid sensitivity s",
            "s0-s-1|invalid sensitivity s-1", "sd3|invalid sensitivity sd3", "d3|invalid sensitivity d3",
            "s0:c2.c1|invalid category range c2.c1", "s0:c2.|invalid range part c2.", "s0:|invalid range part s0:",
            "s0:c|invalid category c", "s0:c-1|invalid category c-1", "s0:c1024|invalid category c1024",
            "s0:cd3|invalid category cd3", "s0:d3|invalid category d3", "s0:c0.c2,c1|duplicate categories",
            "s0:c0,,c1|'invalid category '", "''|'invalid range part '"})
    void rejectedRanges(String range, String agentText) {
        Diagnostic e = onlyError(permission("context:\n  name: name\n  type: type\n  range: '" + range + "'"));
        assertThat(e.code()).isEqualTo(DiagnosticCode.PERMISSION_CONTEXT_INVALID);
        assertThat(e.agentMessage()).isEqualTo(agentText);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.column()).isEqualTo(14);
    }

    @Test
    void contextWithoutType() {
        Diagnostic e = onlyError(permission("context:\n  name: 'name'"));
        assertThat(e.agentMessage()).isEqualTo("The deployment failed because the application specification file "
                + "specifies an invalid context type ({\"name\"=>\"name\"}). Update the permissions section of the "
                + "AppSpec file, and then try again.");
        assertThat(e.line()).isEqualTo(6);
        assertThat(onlyError(permission("context:\n  user: u")).message()).contains("name, not user");
        AppSpecDocument userIgnored = parse(permission("context:\n  user: unconfined_u\n  type: httpd_sys_content_t"));
        assertThat(userIgnored.valid()).isTrue();
        assertThat(userIgnored.spec().permissions().get(0).context().name()).isNull();
    }

    @Test
    void typeItems() {
        Diagnostic e = onlyError(permission("type:\n  - file\n  - symlink"));
        assertThat(e.code()).isEqualTo(DiagnosticCode.PERMISSION_TYPE_INVALID);
        assertThat(e.agentMessage()).isEqualTo("The deployment failed because the application specification "
                + "filespecifies a permission for an object type not supported for permissions (symlink). Update the "
                + "permissions section of the AppSpec file, and then try again.");
        assertThat(e.line()).isEqualTo(7);
        assertThat(parse(permission("type: [directory]")).spec().permissions().get(0).types()).containsExactly("directory");
        assertThat(onlyError(permission("type: [File]")).agentMessage()).contains("(File)");
    }

    @Test
    void fullValidPermission() {
        AppSpecDocument doc = parse(HEAD + "permissions:\n"
                + "  - object: 'test'\n    pattern: 'prefix*'\n    except: ['*ReadMe', '*.tmp']\n    type: ['file']\n"
                + "    owner: 'bob'\n    group: 'dev'\n    mode: 6763\n    acls:\n      - 'u:henry:7'\n      - 'd:g:manager:rw'\n"
                + "    context:\n      name: 'user_u'\n      type: 'unconfined_t'\n      range: 's3-s5:c0.c7,c13'\n");
        assertThat(doc.valid()).isTrue();
        assertThat(doc.spec().permissions()).containsExactly(new PermissionRule("test", "prefix*", List.of("*ReadMe", "*.tmp"),
                List.of("file"), "bob", "dev", "6763", List.of("u:henry:7", "d:g:manager:rw"),
                new PermissionRule.SeContext("user_u", "unconfined_t", "s3-s5:c0.c7,c13"), new Mark(4, 5)));
        PermissionRule defaults = parse(permission("")).spec().permissions().get(0);
        assertThat(defaults.pattern()).isEqualTo("**");
        assertThat(defaults.types()).containsExactly("file", "directory");
        assertThat(defaults.except()).isEmpty();
    }

    @Test
    void objectChecks() {
        Diagnostic missing = onlyError(HEAD + "permissions:\n  - pattern: test\n");
        assertThat(missing.code()).isEqualTo(DiagnosticCode.PERMISSION_OBJECT_MISSING);
        assertThat(missing.line()).isEqualTo(4);
        // the blank object is checked after the other fields, as LinuxPermissionInfo.new runs last
        List<Diagnostic> blank = errors(parse(HEAD + "permissions:\n  - object: '  '\n    mode: 9\n"));
        assertThat(blank).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.PERMISSION_MODE_INVALID, DiagnosticCode.PERMISSION_OBJECT_MISSING);
        assertThat(parse(HEAD + "permissions:\n  - object: ' /var/www '\n").spec().permissions().get(0).object())
                .isEqualTo("/var/www");
    }

    // --- several independent errors, in the agent's order ---

    @Test
    void independentErrorsAreAllReportedInTheAgentsOrder() {
        AppSpecDocument doc = parse("version: \"0.0\"\nos: Linux\n"
                + "hooks:\n  A:\n    - timeout: 0\n  B: s.sh\n"
                + "files:\n  - source: app\n"
                + "permissions:\n  - object: /srv\n    mode: 0755\n    acls: ['u::7']\n"
                + "file_exists_behavior: maybe\n");
        assertThat(errors(doc)).extracting(Diagnostic::code).containsExactly(
                DiagnosticCode.VERSION_INVALID, DiagnosticCode.OS_UNSUPPORTED, DiagnosticCode.HOOK_LOCATION_MISSING,
                DiagnosticCode.HOOK_TIMEOUT_INVALID, DiagnosticCode.APPSPEC_STRUCTURE, DiagnosticCode.FILES_DESTINATION_MISSING,
                DiagnosticCode.PERMISSION_MODE_INVALID, DiagnosticCode.PERMISSION_ACL_INVALID,
                DiagnosticCode.FILE_EXISTS_BEHAVIOR_INVALID);
        assertThat(errors(doc)).extracting(Diagnostic::line).containsExactly(1, 2, 5, 5, 6, 8, 11, 12, 13);
        assertThat(errors(doc)).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("appspec.yml");
            assertThat(e.fix()).isNotBlank();
            assertThat(e.agentMessage()).isNotBlank();
        });
    }

    @Test
    void theModelIsBuiltEvenWhenSectionsFail() {
        AppSpecDocument doc = parse("version: 1\nos: linux\nhooks:\n  A:\n    - location: good.sh\n    - timeout: 3\n"
                + "files:\n  - source: /\n    destination: /srv\n  - source: x\n");
        assertThat(doc.valid()).isFalse();
        assertThat(doc.spec().hooks().get("A")).extracting(HookScript::location).containsExactly("good.sh");
        assertThat(doc.spec().files()).extracting(FileMapping::destination).containsExactly("/srv");
        assertThat(doc.root()).isPresent();
    }
}
