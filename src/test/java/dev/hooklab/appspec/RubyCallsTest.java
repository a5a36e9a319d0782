package dev.hooklab.appspec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ruby methods the agent calls on YAML values, and Ruby's numeric conversions. */
class RubyCallsTest {
    private static final Mark AT = new Mark(1, 1);

    @Test
    void splitFollowsRuby() {
        assertThat(RubyCalls.split("", ":", -1)).isEmpty();
        assertThat(RubyCalls.split("mask:", ":", -1)).containsExactly("mask", "");
        assertThat(RubyCalls.split(":a::", ":", -1)).containsExactly("", "a", "", "");
        assertThat(RubyCalls.split("s3-", "-", 2)).containsExactly("s3", "");
        assertThat(RubyCalls.split("a-b-c", "-", 2)).containsExactly("a", "b-c");
        assertThat(RubyCalls.split("c0,,c1,,", ",", 0)).containsExactly("c0", "", "c1");
        assertThat(RubyCalls.split(",", ",", 0)).isEmpty();
    }

    @Test
    void stripRemovesRubyWhitespace() {
        assertThat(RubyCalls.strip(" \t scripts/a.sh \r\n\u0000")).isEqualTo("scripts/a.sh");
        assertThat(RubyCalls.strip("   ")).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\".to_i = {1}")
    @CsvSource({"30,30", "30s,30", "' 42',42", "-5,-5", "+7,7", "foo,0", "'',0", "1_000,1000", "1__0,1",
            "_1,0", "0x1A,0", "1e3,1", "0d12,12", "12.9,12"})
    void stringToI(String text, long expected) {
        assertThat(RubyNumbers.stringToI(text)).isEqualTo(BigInteger.valueOf(expected));
    }

    @Test
    void toIOfEachKind() {
        assertThat(RubyCalls.toI(new YamlValue.Float(1.9, AT, "1.9")).value()).isEqualTo(BigInteger.ONE);
        assertThat(RubyCalls.toI(new YamlValue.Float(-0.5, AT, "-0.5")).value()).isEqualTo(BigInteger.ZERO);
        assertThat(RubyCalls.toI(new YamlValue.Float(Double.POSITIVE_INFINITY, AT, ".inf")).error()).isEqualTo("Infinity");
        assertThat(RubyCalls.toI(new YamlValue.Bool(true, AT, "true")).error()).isEqualTo("undefined method 'to_i' for true");
        assertThat(RubyCalls.toI(new YamlValue.Seq(List.of(), AT)).error())
                .isEqualTo("undefined method 'to_i' for an instance of Array");
    }

    @Test
    void indexOfEachKind() {
        YamlValue.Str text = new YamlValue.Str("a source here", AT, false);
        assertThat(RubyCalls.index(text, "source").value()).isEqualTo(new YamlValue.Str("source", AT, false));
        assertThat(RubyCalls.index(text, "destination").value()).isNull();
        assertThat(RubyCalls.index(new YamlValue.Seq(List.of(), AT), "x").error())
                .isEqualTo("no implicit conversion of String into Integer");
        assertThat(RubyCalls.index(new YamlValue.Int(BigInteger.ONE, AT, "1"), "x").error())
                .isEqualTo("no implicit conversion of String into Integer");
        assertThat(RubyCalls.index(new YamlValue.Float(1.5, AT, "1.5"), "x").error())
                .isEqualTo("undefined method '[]' for an instance of Float");
        assertThat(RubyCalls.index(new YamlValue.Null(AT, ""), "x").error()).isEqualTo("undefined method '[]' for nil");
    }

    @Test
    void strictConversions() {
        assertThat(RubyNumbers.strictInteger("0644")).contains(BigInteger.valueOf(420));
        assertThat(RubyNumbers.strictInteger("-0x1F")).contains(BigInteger.valueOf(-31));
        assertThat(RubyNumbers.strictInteger("0b")).isEmpty();
        assertThat(RubyNumbers.strictFloat(" 1_000.5 ")).contains(1000.5);
        assertThat(RubyNumbers.strictFloat("0x1A")).contains(26.0);
        assertThat(RubyNumbers.strictFloat("abc")).isEmpty();
        assertThat(RubyNumbers.strictFloat("1.")).isEmpty();
    }
}
