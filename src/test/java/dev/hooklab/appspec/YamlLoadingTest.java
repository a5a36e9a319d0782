package dev.hooklab.appspec;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Reading the YAML as Psych's YAML.load does, with hooklab's limits. */
class YamlLoadingTest {
    private static final String HEAD = "version: 0.0\nos: linux\n";
    private final AppSpecParser parser = new AppSpecParser();

    private AppSpecDocument parse(String text) {
        return parser.parse("appspec.yml", text, TargetOs.LINUX);
    }

    private static List<Diagnostic> errors(AppSpecDocument doc) {
        return doc.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    private static YamlValue.Map root(AppSpecDocument doc) {
        assertThat(doc.root()).isPresent();
        return (YamlValue.Map) doc.root().orElseThrow();
    }

    @Test
    void aliasIsRefusedAtItsPosition() {
        AppSpecDocument doc = parse(HEAD + "hooks:\n  ApplicationStart: &start\n    - location: scripts/start.sh\n"
                + "  ValidateService: *start\n");
        assertThat(errors(doc)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(DiagnosticCode.YAML_ALIAS);
            assertThat(e.agentMessage()).isEqualTo("Alias parsing was not enabled. To enable it, pass `aliases: true` "
                    + "to `Psych::load` or `Psych::safe_load`.");
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.column()).isEqualTo(20);
            assertThat(e.fix()).contains("&start");
        });
        assertThat(doc.root()).as("the YAML is refused").isEmpty();
        assertThat(doc.spec().hooks()).as("best-effort reading").containsKey("ApplicationStart");
    }

    @Test
    void anchorWithoutAliasIsFine() {
        assertThat(parse(HEAD + "files: &f\n  - source: /\n    destination: /srv\n").valid()).isTrue();
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder b = new StringBuilder(HEAD + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 30; i++) {
            b.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        b.append("hooks: *a30\n");
        AppSpecDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(b.toString()));
        assertThat(errors(doc)).singleElement().extracting(Diagnostic::code).isEqualTo(DiagnosticCode.YAML_ALIAS);
        assertThat(errors(doc).get(0).line()).isEqualTo(4);
    }

    @Test
    void syntaxErrorAfterAnAliasWins() {
        // Psych parses the whole document before converting it
        AppSpecDocument doc = parse(HEAD + "a: &x 1\nb: *x\nc: [\n");
        assertThat(errors(doc)).singleElement().extracting(Diagnostic::code).isEqualTo(DiagnosticCode.YAML_SYNTAX);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        AppSpecDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(HEAD + deep));
        assertThat(errors(doc)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(DiagnosticCode.YAML_LIMIT);
            assertThat(e.agentMessage()).isNull();
            assertThat(e.line()).isEqualTo(3);
        });
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        AppSpecParser shallow = new AppSpecParser(new YamlLimits(1000, 3));
        assertThat(shallow.parse("a.yml", "a: [[1]]\n", TargetOs.LINUX).diagnostics())
                .noneMatch(d -> d.code() == DiagnosticCode.YAML_LIMIT);
        assertThat(shallow.parse("a.yml", "a: [[[1]]]\n", TargetOs.LINUX).diagnostics())
                .anyMatch(d -> d.code() == DiagnosticCode.YAML_LIMIT);
    }

    @Test
    void oversizedDocumentIsRefusedBeforeParsing() {
        String big = HEAD + "# " + "x".repeat(YamlLimits.DEFAULT_MAX_CHARS) + "\n";
        AppSpecDocument doc = parse(big);
        assertThat(errors(doc)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(DiagnosticCode.YAML_LIMIT);
            assertThat(e.message()).contains(Integer.toString(YamlLimits.DEFAULT_MAX_CHARS));
        });
        assertThat(doc.spec()).isEqualTo(AppSpec.empty());
        assertThat(new AppSpecParser(new YamlLimits(10, 64)).parse("a", HEAD, TargetOs.LINUX).valid()).isFalse();
    }

    @Test
    void tabIndentationGivesPsychsMessage() {
        AppSpecDocument doc = parse("version: 0.0\nos: linux\nhooks:\n\tBeforeInstall:\n");
        assertThat(errors(doc)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(DiagnosticCode.YAML_SYNTAX);
            assertThat(e.agentMessage()).isEqualTo("(<unknown>): found character that cannot start any token while "
                    + "scanning for the next token at line 4 column 1");
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.fix()).contains("spaces");
        });
    }

    @Test
    void syntaxErrorsPointAtTheProblem() {
        Diagnostic colon = errors(parse(HEAD + "hooks:\n  BeforeInstall:\n    - location: a.sh\n     timeout: 3\n")).get(0);
        assertThat(colon.code()).isEqualTo(DiagnosticCode.YAML_SYNTAX);
        assertThat(colon.line()).isEqualTo(6);
        assertThat(colon.agentMessage()).startsWith("(<unknown>): ").contains(" at line ");

        Diagnostic badKey = errors(parse("version: 0.0\nos: linux\n bad: indent\n")).get(0);
        assertThat(badKey.agentMessage())
                .isEqualTo("(<unknown>): mapping values are not allowed in this context at line 3 column 5");
        assertThat(badKey.line()).isEqualTo(3);
        assertThat(badKey.column()).isEqualTo(5);

        Diagnostic block = errors(parse(HEAD + "hooks:\n  A:\n  - location: x\n   timeout: 3\n")).get(0);
        assertThat(block.agentMessage()).isEqualTo(
                "(<unknown>): did not find expected key while parsing a block mapping at line 4 column 3");
        assertThat(block.line()).isEqualTo(6);
    }

    @Test
    void parserErrorsWithoutContextAreReportedAtLineOneAsPsychDoes() {
        Diagnostic e = errors(parse("%YAML 1.1\nversion: 0.0\nos: linux\n")).get(0);
        assertThat(e.code()).isEqualTo(DiagnosticCode.YAML_SYNTAX);
        assertThat(e.line()).as("our mark: the problem").isEqualTo(2);
        assertThat(e.agentMessage())
                .isEqualTo("(<unknown>): did not find expected <document start> at line 1 column 1");
    }

    @Test
    void controlCharactersAreRejected() {
        Diagnostic e = errors(parse(HEAD + "x: a\u0001b\n")).get(0);
        assertThat(e.code()).isEqualTo(DiagnosticCode.YAML_SYNTAX);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.agentMessage()).startsWith("(<unknown>): control characters are not allowed");
    }

    @Test
    void onlyTheFirstDocumentIsRead() {
        AppSpecDocument doc = parse(HEAD + "---\nversion: 1\n--- [unclosed\n");
        assertThat(doc.valid()).isTrue();
        assertThat(root(doc).get("version")).map(YamlValue::rubyString).contains("0.0");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   \n\n", "# only a comment\n", "---\n", "--- ~\n", "--- \n...\n", "false\n"})
    void emptyDocuments(String text) {
        AppSpecDocument doc = parse(text);
        assertThat(errors(doc)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(DiagnosticCode.APPSPEC_EMPTY);
            assertThat(e.agentMessage()).isEqualTo("The deployment failed because the application specification file "
                    + "was empty. Make sure your AppSpec file defines at minimum the 'version' and 'os' properties.");
            assertThat(e.line()).isEqualTo(1);
        });
    }

    @Test
    void quotedAndBlockScalarsAreStrings() {
        YamlValue.Map map = root(parse(HEAD + "a: \"0.0\"\nb: '0644'\nc: |\n  yes\nd: >\n  12\ne: !!str 0644\n"));
        assertThat(map.get("a")).contains(new YamlValue.Str("0.0", new Mark(3, 4), true));
        assertThat(map.get("b")).get().isEqualTo(new YamlValue.Str("0644", new Mark(4, 4), true));
        assertThat(map.get("c")).get().extracting(YamlValue::rubyString).isEqualTo("yes\n");
        assertThat(map.get("d")).get().isInstanceOf(YamlValue.Str.class);
        assertThat(map.get("e")).get().isEqualTo(new YamlValue.Str("0644", new Mark(9, 4), false));
    }

    @Test
    void unquotedValuesFollowPsych() {
        YamlValue.Map map = root(parse(HEAD + "mode: 0644\nflag: yes\nnone: ~\nzero: 0.0\n"));
        assertThat(map.get("version")).get().isEqualTo(new YamlValue.Float(0.0, new Mark(1, 10), "0.0"));
        assertThat(map.get("mode")).get().isEqualTo(new YamlValue.Int(BigInteger.valueOf(420), new Mark(3, 7), "0644"));
        assertThat(map.get("flag")).get().isEqualTo(new YamlValue.Bool(true, new Mark(4, 7), "yes"));
        assertThat(map.get("none")).get().isInstanceOf(YamlValue.Null.class);
    }

    @Test
    void coreTagsAreHonoured() {
        YamlValue.Map map = root(parse(HEAD + "a: !!int \"0644\"\nb: !!float 1\nc: !!str yes\nd: ! 0644\n"
                + "e: !!binary aGVsbG8=\nf: !ruby/sym linux\n"));
        assertThat(map.get("a")).get().extracting(YamlValue::rubyString).isEqualTo("420");
        assertThat(map.get("b")).get().isInstanceOf(YamlValue.Float.class).extracting(YamlValue::rubyString).isEqualTo("1.0");
        assertThat(map.get("c")).get().isInstanceOf(YamlValue.Str.class);
        assertThat(map.get("d")).get().extracting(YamlValue::rubyString).isEqualTo("420");
        assertThat(map.get("e")).get().extracting(YamlValue::rubyString).isEqualTo("hello");
        assertThat(map.get("f")).get().isInstanceOf(YamlValue.Sym.class);
    }

    @Test
    void badFloatTagIsARubyError() {
        Diagnostic e = errors(parse(HEAD + "a: !!float abc\n")).get(0);
        assertThat(e.code()).isEqualTo(DiagnosticCode.YAML_UNSUPPORTED_TYPE);
        assertThat(e.agentMessage()).isEqualTo("invalid value for Float(): \"abc\"");
    }

    @Test
    void datesAndTimestampsAreRefused() {
        AppSpecDocument doc = parse(HEAD + "released: 2024-01-02\nat: 2024-01-02 10:00:00\n");
        assertThat(errors(doc)).extracting(Diagnostic::agentMessage)
                .containsExactly("Tried to load unspecified class: Date", "Tried to load unspecified class: Time");
        assertThat(errors(doc).get(0).line()).isEqualTo(3);
        assertThat(errors(doc).get(0).column()).isEqualTo(11);
        assertThat(errors(doc).get(0).fix()).isEqualTo("Quote it: \"2024-01-02\"");
        assertThat(doc.root()).isEmpty();
        assertThat(parse(HEAD + "released: \"2024-01-02\"\n").valid()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "x: !ruby/object:Foo {a: 1}|Foo", "x: !ruby/object {a: 1}|Object", "x: !ruby/struct:S {a: 1}|S",
            "x: !ruby/struct {a: 1}|Struct", "x: !ruby/hash:Foo {a: 1}|Foo", "x: !ruby/array:Foo [1]|Foo",
            "x: !ruby/regexp /a/|Regexp", "x: !ruby/range 1..2|Range", "x: !ruby/object:BigDecimal 1.0|BigDecimal",
            "x: !ruby/string:Foo bar|Foo", "x: !ruby/class Kernel|Kernel", "x: !ruby/exception {message: m}|Exception",
            "x: !!omap {a: 1}|Psych::Omap"})
    void rubyObjectTagsAreRefusedWithoutConstruction(String line, String rubyClass) {
        AppSpecDocument doc = parse(HEAD + line + "\n");
        assertThat(errors(doc)).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(DiagnosticCode.YAML_UNSUPPORTED_TYPE);
            assertThat(e.agentMessage()).isEqualTo("Tried to load unspecified class: " + rubyClass);
            assertThat(e.line()).isEqualTo(3);
        });
    }

    @Test
    void tagsPsychIgnoresAreReadWithoutThem() {
        AppSpecDocument doc = parse(HEAD + "a: !!python/object:os.system {b: 1}\nc: !custom 0644\nd: !!map {e: 1}\n");
        assertThat(doc.valid()).isTrue();
        assertThat(doc.diagnostics()).hasSize(2).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).isEqualTo(DiagnosticCode.YAML_UNSUPPORTED_TYPE);
        });
        assertThat(root(doc).get("a")).get().isInstanceOf(YamlValue.Map.class);
        assertThat(root(doc).get("c")).get().extracting(YamlValue::rubyString).isEqualTo("420");
    }

    @Test
    void duplicateKeysKeepAllPairsAndReadTheLast() {
        YamlValue.Map map = root(parse(HEAD + "os: windows\nos: linux\n"));
        assertThat(map.pairs()).hasSize(4);
        assertThat(map.get("os")).get().extracting(YamlValue::rubyString).isEqualTo("linux");
        assertThat(map.entries()).hasSize(2);
        assertThat(parse(HEAD + "os: windows\nos: linux\n").valid()).isTrue();
    }

    @Test
    void mergeKeysMergeInlineMappings() {
        AppSpecDocument doc = parse(HEAD + "hooks:\n  BeforeInstall:\n    - <<: {location: a.sh, timeout: 5}\n"
                + "      timeout: 10\n");
        assertThat(doc.valid()).isTrue();
        HookScript script = doc.spec().hooks().get("BeforeInstall").get(0);
        assertThat(script.location()).isEqualTo("a.sh");
        assertThat(script.timeout()).isEqualTo(10);

        YamlValue.Map list = root(parse(HEAD + "x:\n  <<: [{a: 1}, {a: 2, b: 3}]\n  b: 4\ny: {<<: 5}\n"));
        YamlValue.Map x = (YamlValue.Map) list.get("x").orElseThrow();
        assertThat(x.get("a")).get().extracting(YamlValue::rubyString).isEqualTo("1");
        assertThat(x.get("b")).get().extracting(YamlValue::rubyString).isEqualTo("4");
        assertThat(((YamlValue.Map) list.get("y").orElseThrow()).get("<<")).isPresent();
    }

    @Test
    void marksAreOneBased() {
        YamlValue.Map map = root(parse("# comment\nversion: 0.0\nos:   linux\n"));
        assertThat(map.mark()).isEqualTo(new Mark(2, 1));
        assertThat(map.pair("os").orElseThrow().key().mark()).isEqualTo(new Mark(3, 1));
        assertThat(map.get("os").orElseThrow().mark()).isEqualTo(new Mark(3, 7));
    }

    @Test
    void neverThrowsOnHostileText() {
        List<String> texts = List.of("\u0000", "\uFEFF", "%YAML 9.9\n---\na: 1\n", "!<tag:x> {", "? [a]\n: b\n",
                "{a: 1, a: 2}", "- - - - -", "&a [*a]", "*undefined", "a: b: c", "'unterminated", "|\n  \u00e9\n",
                "key: \"\\xzz\"", "[" + "{".repeat(100), "\uD800", "a:\n  - b\n  c: d\n");
        for (String t : texts) {
            AppSpecDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(t));
            assertThat(doc.text()).isEqualTo(t);
            assertThat(doc.spec()).isNotNull();
            assertThat(doc.diagnostics()).allSatisfy(d -> assertThat(d.message()).isNotBlank());
        }
        assertThat(parser.parse("appspec.yml", null, TargetOs.LINUX).valid()).isFalse();
    }
}
