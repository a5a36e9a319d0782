package dev.hooklab.appspec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ruby's to_s and inspect renderings, as the agent interpolates values into its messages. */
class RubyFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0|0.0", "-0.0|-0.0", "1.0|1.0", "1.5|1.5", "1e20|1.0e+20", "1.5e-5|1.5e-05",
            "100.0|100.0", "0.1|0.1", "0.0001|0.0001", "0.00001|1.0e-05", "1e15|1000000000000000.0",
            "1e16|1.0e+16", "123456789.125|123456789.125", "1.1|1.1", "0.30000000000000004|0.30000000000000004",
            "-2.5e100|-2.5e+100", "1.7976931348623157e308|1.7976931348623157e+308", "4.9e-324|5.0e-324",
            "Infinity|Infinity", "-Infinity|-Infinity", "NaN|NaN"})
    void floatToS(double value, String ruby) {
        assertThat(RubyFormat.floatToS(value)).isEqualTo(ruby);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "abc|\"abc\"", "say \"hi\"|\"say \\\"hi\\\"\"", "back\\slash|\"back\\\\slash\"",
            "#{x} #$y #@z #a|\"\\#{x} \\#$y \\#@z #a\"", "caf\u00e9 \u65e5\u672c|\"caf\u00e9 \u65e5\u672c\""})
    void inspectString(String value, String ruby) {
        assertThat(RubyFormat.inspectString(value)).isEqualTo(ruby);
    }

    @Test
    void inspectEscapesControlCharacters() {
        assertThat(RubyFormat.inspectString("a\nb\tc\rd\u001be\u0000f\u007f\u200b"))
                .isEqualTo("\"a\\nb\\tc\\rd\\ee\\u0000f\\u007F\\u200B\"");
    }

    @Test
    void inspectSymbols() {
        assertThat(RubyFormat.inspectSymbol("foo")).isEqualTo(":foo");
        assertThat(RubyFormat.inspectSymbol("foo?")).isEqualTo(":foo?");
        assertThat(RubyFormat.inspectSymbol("foo bar")).isEqualTo(":\"foo bar\"");
    }

    @Test
    void valuesRenderLikeRuby() {
        Mark m = new Mark(1, 1);
        YamlValue.Str key = new YamlValue.Str("name", m, true);
        YamlValue.Map hash = new YamlValue.Map(List.of(
                new YamlValue.Pair(key, new YamlValue.Str("x", m, true)),
                new YamlValue.Pair(new YamlValue.Str("list", m, false), new YamlValue.Seq(List.of(
                        new YamlValue.Int(BigInteger.ONE, m, "1"), new YamlValue.Null(m, "~"),
                        new YamlValue.Bool(true, m, "yes"), new YamlValue.Float(0.0, m, "0.0"),
                        new YamlValue.Sym("s", m, ":s")), m)),
                new YamlValue.Pair(key, new YamlValue.Str("last", m, true))), m);
        assertThat(hash.rubyInspect()).isEqualTo("{\"name\"=>\"last\", \"list\"=>[1, nil, true, 0.0, :s]}");
        assertThat(hash.rubyString()).isEqualTo(hash.rubyInspect());
        assertThat(hash.get("name")).map(YamlValue::rubyString).contains("last");
        assertThat(hash.entries()).hasSize(2);
        assertThat(new YamlValue.Map(List.of(), m).rubyInspect()).isEqualTo("{}");
        assertThat(new YamlValue.Null(m, "").rubyString()).isEmpty();
        assertThat(new YamlValue.Null(m, "").rubyInspect()).isEqualTo("nil");
        assertThat(new YamlValue.Float(1e20, m, "1.0e+20").rubyString()).isEqualTo("1.0e+20");
        assertThat(new YamlValue.Sym("linux", m, ":linux").rubyString()).isEqualTo("linux");
    }
}
