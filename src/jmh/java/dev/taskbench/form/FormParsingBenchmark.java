package dev.taskbench.form;

import dev.taskbench.declare.Finding;
import dev.taskbench.declare.HasReference;
import dev.taskbench.declare.Standard;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What decoding one application/x-www-form-urlencoded body into name/value strings costs,
 * taskbench's parser against the decoders servers run ({@link Contender}), each used as its
 * server uses it, all on the same bytes ({@link FormInput}).
 *
 * <p>Isolates the decode: no socket, no request line, no handler. A contender's own per-request
 * plumbing (Jetty's Content.Source and attributes, Netty's request and attributes, Undertow's
 * exchange, Tomcat's copy of the body into its own buffer) is included because its server pays
 * it too. "floorStrings" is no parser: it only creates the result strings, the floor every
 * decoder works against.
 *
 * <p>Why the numbers look as they do: taskbench scans bytes a word at a time, makes one String
 * per component and allocates only those plus one 32-byte holder (two pairs inline, an array
 * only for more), so its B/op is the floor's. The others turn the whole body into a String first (JDK, Jetty
 * UrlEncoded, Netty QueryStringDecoder, Spring), build per-name maps and lists, and decode
 * char by char through StringBuilders; Spring also reads the body through an InputStreamReader
 * whose buffers alone outweigh everything else it allocates for a small body. Percent-heavy non-ASCII input narrows the gap:
 * every byte goes through an escape and then the UTF-8 decoder for everyone.
 *
 * <p>Each contender's result is checked once per trial against the input's expected pairs. A
 * deviating contender is still timed, but a line "contender X deviates on input Y" is printed
 * and its score should be read as the cost of a wrong answer.
 */
@Finding(group = "Form decoding", of = "decode contender=taskbench", to = "decode contender=*", notFastest = "floorStrings",
        says = "On the {input} body taskbench's decoder is {speedup} as fast as the fastest other, {to.contender}.")
@Finding(group = "Form decoding", of = "decode contender=taskbench", to = "decode contender=floorStrings", better = Finding.Better.NEITHER,
        says = "On the {input} body taskbench's decoder takes {ratio} the time of only creating the strings (the floor).")
@Standard(value = "decode input=seed,nonAscii", why = "the seed's body and the escape-heavy one answer the findings;"
        + " the other inputs take the full profile's time")
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS) // C2 has the decoders within the first; the second is margin
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@HasReference(value = HasReference.Script.FORM_DECODE, seedParams = {"input=seed", "contender=taskbench"})
@State(Scope.Thread)
public class FormParsingBenchmark {
    /** Every {@link FormInput}. */
    @Param
    public FormInput input;

    /** Every {@link Contender}. */
    @Param
    public Contender contender;

    // non-final so the JIT cannot fold the input
    byte[] body;
    FormContenders.Decoder decoder;

    @Setup
    public void setUp() {
        FormInput.Sample in = input.sample();
        body = in.body();
        decoder = contender.create();
        decoder.prepare(in.expected());
        String deviation = FormDeviationReport.check(decoder, body, in.expected());
        if (deviation != null) {
            System.out.println("contender " + contender + " deviates on input " + input + ": " + deviation);
        }
    }

    /** Checks again after timing: catches a contender that changed state or its input while being timed. */
    @TearDown
    public void tearDown() {
        String deviation = FormDeviationReport.check(decoder, body, input.sample().expected());
        if (deviation != null) {
            System.out.println("contender " + contender + " deviates on input " + input + " after timing: " + deviation);
        }
    }

    @Benchmark
    public Object decode() throws Exception {
        return decoder.decode(body);
    }
}
