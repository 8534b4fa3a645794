package dev.taskbench.form;

import java.util.function.Supplier;

/**
 * The decoders {@link FormParsingBenchmark} times, by the name its {@code contender} parameter
 * takes: each constant makes the {@link FormContenders.Decoder} a thread uses (some keep
 * per-request state the way their server recycles it). The benchmark, the
 * {@link FormDeviationReport} and the tests all take the list from here.
 */
public enum Contender {
    /** No parser: only creates the result strings, the floor every decoder works against. */
    floorStrings(FormContenders.FloorStrings::new),
    taskbench(FormContenders.Taskbench::new),
    jdkURLDecoder(FormContenders.JdkUrlDecoder::new),
    jettyFormFields(FormContenders.JettyFormFields::new),
    jettyUrlEncoded(FormContenders.JettyUrlEncoded::new),
    nettyQueryString(FormContenders.NettyQueryString::new),
    nettyPostDecoder(FormContenders.NettyPostDecoder::new),
    tomcatParameters(FormContenders.TomcatParameters::new),
    undertowFormParser(FormContenders.UndertowFormParser::new),
    springFormConverter(FormContenders.SpringFormConverter::new);

    private final Supplier<FormContenders.Decoder> factory;

    Contender(Supplier<FormContenders.Decoder> factory) {
        this.factory = factory;
    }

    /** A new decoder, for one thread. */
    public FormContenders.Decoder create() {
        return factory.get();
    }

    /** Whether it parses at all (the floor does not, so it has no deviations to report). */
    public boolean parses() {
        return this != floorStrings;
    }
}
