package dev.taskbench.form;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostStandardRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.HttpUpgradeListener;
import io.undertow.server.SSLSessionInfo;
import io.undertow.server.ServerConnection;
import io.undertow.server.XnioBufferPoolAdaptor;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormEncodedDataDefinition;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.apache.tomcat.util.http.Parameters;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Attributes;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.xnio.ChannelListener;
import org.xnio.Option;
import org.xnio.OptionMap;
import org.xnio.Pool;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.Configurable;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * How each {@link Contender} decodes a whole UTF-8 form body the way its server does for a POST,
 * with the server's default limits. {@link Decoder#decode} is what the benchmark times;
 * {@link Decoder#grouped} turns its result into name -> values (first-occurrence order) only to
 * check correctness.
 */
public final class FormContenders {
    static final int MAX_FIELDS = 1000;
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private FormContenders() {
    }

    /** Not thread-safe (some hold per-request state the way their server recycles it): one per thread. */
    public abstract static class Decoder {
        public abstract Object decode(byte[] body) throws Exception;

        public abstract Map<String, List<String>> grouped(Object result);

        /** Called once with the input's expected pairs before timing; only the floor uses it. */
        public void prepare(List<String> expectedPairs) {
        }
    }

    /** Flattened pairs (name0, value0, ...) grouped by name in first-occurrence order. */
    public static Map<String, List<String>> group(List<String> pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            m.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(pairs.get(i + 1));
        }
        return m;
    }

    /** Order-sensitive comparison of two grouped results. */
    public static boolean same(Map<String, List<String>> a, Map<String, List<String>> b) {
        return new ArrayList<>(a.entrySet()).equals(new ArrayList<>(b.entrySet()));
    }

    /**
     * Not a parser: only creates the result strings from their already-decoded UTF-8 bytes
     * (Latin-1 constructor when ASCII) into a String[]. The floor every decoder works against.
     */
    static final class FloorStrings extends Decoder {
        private byte[][] components = new byte[0][];
        private boolean[] ascii = new boolean[0];

        @Override
        public void prepare(List<String> expectedPairs) {
            components = new byte[expectedPairs.size()][];
            ascii = new boolean[expectedPairs.size()];
            for (int i = 0; i < components.length; i++) {
                String s = expectedPairs.get(i);
                components[i] = s.getBytes(StandardCharsets.UTF_8);
                ascii[i] = components[i].length == s.length();
            }
        }

        @Override
        public Object decode(byte[] body) {
            byte[][] c = components;
            String[] out = new String[c.length];
            for (int i = 0; i < c.length; i++) {
                out[i] = ascii[i] ? new String(c[i], StandardCharsets.ISO_8859_1) : new String(c[i], StandardCharsets.UTF_8);
            }
            return out;
        }

        @Override
        public Map<String, List<String>> grouped(Object result) {
            return group(List.of((String[]) result));
        }
    }

    static final class Taskbench extends Decoder {
        private final FormParser parser = new FormParser();

        @Override
        public Object decode(byte[] body) {
            return parser.parse(body, 0, body.length);
        }

        @Override
        public Map<String, List<String>> grouped(Object result) {
            FormFields f = (FormFields) result;
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < f.size(); i++) {
                pairs.add(f.name(i));
                pairs.add(f.value(i));
            }
            return group(pairs);
        }
    }

    /** The hand-rolled servlet-less classic: decode the body as UTF-8, split on '&', URLDecoder each side. */
    static final class JdkUrlDecoder extends Decoder {
        @Override
        public Object decode(byte[] body) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                m.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>(1))
                        .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return m;
        }

        @SuppressWarnings("unchecked")
        @Override
        public Map<String, List<String>> grouped(Object result) {
            return (Map<String, List<String>>) result;
        }
    }

    /** Jetty 12's POST path: FormFields parses the request's Content.Source into Fields (attributes per request). */
    static final class JettyFormFields extends Decoder {
        @Override
        public Object decode(byte[] body) {
            return org.eclipse.jetty.server.FormFields.getFields(Content.Source.from(ByteBuffer.wrap(body)),
                    new Attributes.Lazy(), StandardCharsets.UTF_8, MAX_FIELDS, MAX_BYTES);
        }

        @Override
        public Map<String, List<String>> grouped(Object result) {
            return jettyFields((Fields) result);
        }
    }

    /** Jetty's String-based decoder (its query-string path), fed the body decoded as UTF-8. */
    static final class JettyUrlEncoded extends Decoder {
        @Override
        public Object decode(byte[] body) {
            Fields fields = new Fields(true);
            UrlEncoded.decodeUtf8To(new String(body, StandardCharsets.UTF_8), fields);
            return fields;
        }

        @Override
        public Map<String, List<String>> grouped(Object result) {
            return jettyFields((Fields) result);
        }
    }

    static Map<String, List<String>> jettyFields(Fields fields) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            m.put(f.getName(), f.getValues());
        }
        return m;
    }

    /** Netty's QueryStringDecoder on the body (content.toString(UTF_8)), no path, default separators. */
    static final class NettyQueryString extends Decoder {
        @Override
        public Object decode(byte[] body) {
            return new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false,
                    MAX_FIELDS).parameters();
        }

        @SuppressWarnings("unchecked")
        @Override
        public Map<String, List<String>> grouped(Object result) {
            return (Map<String, List<String>>) result;
        }
    }

    /**
     * Netty's POST body decoder on a FullHttpRequest, in-memory attributes, destroyed after use.
     * Its default field limit is 128; raised to 1000 like the others (1024 is its default
     * maxBufferedBytes).
     */
    static final class NettyPostDecoder extends Decoder {
        private final DefaultHttpDataFactory factory = new DefaultHttpDataFactory(false);
        private final HttpHeaders headers = new DefaultHttpHeaders()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
        private final HttpHeaders trailers = new DefaultHttpHeaders();

        @Override
        public Object decode(byte[] body) throws IOException {
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                    "/tasks", Unpooled.wrappedBuffer(body), headers, trailers);
            HttpPostStandardRequestDecoder decoder =
                    new HttpPostStandardRequestDecoder(factory, request, StandardCharsets.UTF_8, MAX_FIELDS, 1024);
            try {
                List<InterfaceHttpData> data = decoder.getBodyHttpDatas();
                String[] pairs = new String[data.size() * 2];
                for (int i = 0; i < data.size(); i++) {
                    Attribute a = (Attribute) data.get(i);
                    pairs[2 * i] = a.getName();
                    pairs[2 * i + 1] = a.getValue();
                }
                return pairs;
            } finally {
                decoder.destroy();
            }
        }

        @Override
        public Map<String, List<String>> grouped(Object result) {
            return group(List.of((String[]) result));
        }
    }

    /**
     * Tomcat's Parameters for a POST body: recycled per request, UTF-8, maxParameterCount 1000.
     * It decodes in place, so the body is first copied into a reused buffer, as Tomcat reads it
     * into its own postData buffer (the copy is part of the timed work).
     */
    static final class TomcatParameters extends Decoder {
        private final Parameters parameters = new Parameters();
        private byte[] postData = new byte[8192];

        @Override
        public Object decode(byte[] body) {
            if (postData.length < body.length) {
                postData = new byte[body.length];
            }
            System.arraycopy(body, 0, postData, 0, body.length);
            Parameters p = parameters;
            p.recycle();
            p.setLimit(MAX_FIELDS);
            p.setCharset(StandardCharsets.UTF_8);
            p.processParameters(postData, 0, body.length);
            return p;
        }

        @Override
        public Map<String, List<String>> grouped(Object result) {
            Parameters p = (Parameters) result;
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (String name : Collections.list(p.getParameterNames())) {
                m.put(name, List.of(p.getParameterValues(name)));
            }
            return m;
        }
    }

    /**
     * Undertow's FormEncodedDataDefinition parser, blocking, on an HttpServerExchange over a stub
     * connection whose request channel reads the body (no socket, no XNIO worker). The exchange
     * is created per request as Undertow does; its header maps are shared.
     */
    static final class UndertowFormParser extends Decoder {
        private final FormParserFactory factory = FormParserFactory.builder(false)
                .addParsers(new FormEncodedDataDefinition().setDefaultEncoding("UTF-8"))
                .withDefaultCharset("UTF-8").build();
        private final StubConnection connection = new StubConnection();
        private final HeaderMap requestHeaders = new HeaderMap()
                .put(Headers.CONTENT_TYPE, "application/x-www-form-urlencoded");
        private final HeaderMap responseHeaders = new HeaderMap();

        @Override
        public Object decode(byte[] body) throws IOException {
            connection.body = body;
            HttpServerExchange exchange = new HttpServerExchange(connection, requestHeaders, responseHeaders, MAX_BYTES);
            try (FormDataParser parser = factory.createParser(exchange)) {
                return parser.parseBlocking();
            }
        }

        @Override
        public Map<String, List<String>> grouped(Object result) {
            FormData data = (FormData) result;
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (String name : data) {
                List<String> values = new ArrayList<>();
                data.get(name).forEach(v -> values.add(v.getValue()));
                m.put(name, values);
            }
            return m;
        }
    }

    /** Spring's FormHttpMessageConverter (what @RequestBody MultiValueMap uses) on a minimal HttpInputMessage. */
    static final class SpringFormConverter extends Decoder {
        private final FormHttpMessageConverter converter = new FormHttpMessageConverter();
        private final org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();

        SpringFormConverter() {
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        }

        @Override
        public Object decode(byte[] body) throws IOException {
            return converter.read(null, new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public org.springframework.http.HttpHeaders getHeaders() {
                    return headers;
                }
            });
        }

        @SuppressWarnings("unchecked")
        @Override
        public Map<String, List<String>> grouped(Object result) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            ((Map<String, List<String>>) result).forEach((k, v) -> {
                List<String> values = new ArrayList<>();
                v.forEach(s -> values.add(s == null ? "<null>" : s));
                m.put(k, values);
            });
            return m;
        }
    }

    /** Reads the current body, then reports end of stream; never blocks, has no thread. */
    private static final class BodyConduit implements StreamSourceConduit {
        private final byte[] body;
        private int pos;

        BodyConduit(byte[] body) {
            this.body = body;
        }

        @Override
        public int read(ByteBuffer dst) {
            int n = Math.min(dst.remaining(), body.length - pos);
            if (n == 0) {
                return pos == body.length ? -1 : 0;
            }
            dst.put(body, pos, n);
            pos += n;
            return n;
        }

        @Override
        public long read(ByteBuffer[] dsts, int offs, int len) {
            long total = 0;
            for (int i = offs; i < offs + len; i++) {
                int n = read(dsts[i]);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
            }
            return total;
        }

        @Override
        public long transferTo(long position, long count, FileChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void terminateReads() {
            pos = body.length;
        }

        @Override
        public boolean isReadShutdown() {
            return pos == body.length;
        }

        @Override
        public void resumeReads() {
        }

        @Override
        public void suspendReads() {
        }

        @Override
        public void wakeupReads() {
        }

        @Override
        public boolean isReadResumed() {
            return false;
        }

        @Override
        public void awaitReadable() {
        }

        @Override
        public void awaitReadable(long time, TimeUnit timeUnit) {
        }

        @Override
        public XnioIoThread getReadThread() {
            return null;
        }

        @Override
        public void setReadReadyHandler(ReadReadyHandler handler) {
        }

        @Override
        public XnioWorker getWorker() {
            return null;
        }
    }

    /** Just enough of a ServerConnection for the form parser: options, a buffer pool and the request channel. */
    private static final class StubConnection extends ServerConnection {
        private final ByteBufferPool byteBufferPool = new DefaultByteBufferPool(true, 16 * 1024);
        private final Pool<ByteBuffer> bufferPool = new XnioBufferPoolAdaptor(byteBufferPool);
        byte[] body;

        @Override
        public Pool<ByteBuffer> getBufferPool() {
            return bufferPool;
        }

        @Override
        public ByteBufferPool getByteBufferPool() {
            return byteBufferPool;
        }

        @Override
        protected ConduitStreamSourceChannel getSourceChannel() {
            return new ConduitStreamSourceChannel(Configurable.EMPTY, new BodyConduit(body));
        }

        @Override
        public OptionMap getUndertowOptions() {
            return OptionMap.EMPTY;
        }

        @Override
        public int getBufferSize() {
            return 16 * 1024;
        }

        @Override
        public XnioWorker getWorker() {
            return null;
        }

        @Override
        public XnioIoThread getIoThread() {
            return null;
        }

        @Override
        public HttpServerExchange sendOutOfBandResponse(HttpServerExchange exchange) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isContinueResponseSupported() {
            return false;
        }

        @Override
        public void terminateRequestChannel(HttpServerExchange exchange) {
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public boolean supportsOption(Option<?> option) {
            return false;
        }

        @Override
        public <T> T getOption(Option<T> option) {
            return null;
        }

        @Override
        public <T> T setOption(Option<T> option, T value) {
            return null;
        }

        @Override
        public void close() {
        }

        @Override
        public SocketAddress getPeerAddress() {
            return null;
        }

        @Override
        public <A extends SocketAddress> A getPeerAddress(Class<A> type) {
            return null;
        }

        @Override
        public SocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public <A extends SocketAddress> A getLocalAddress(Class<A> type) {
            return null;
        }

        @Override
        public SSLSessionInfo getSslSessionInfo() {
            return null;
        }

        @Override
        public void setSslSessionInfo(SSLSessionInfo sessionInfo) {
        }

        @Override
        public void addCloseListener(CloseListener listener) {
        }

        @Override
        protected StreamConnection upgradeChannel() {
            throw new UnsupportedOperationException();
        }

        @Override
        protected ConduitStreamSinkChannel getSinkChannel() {
            return null;
        }

        @Override
        protected StreamSinkConduit getSinkConduit(HttpServerExchange exchange, StreamSinkConduit conduit) {
            return conduit;
        }

        @Override
        protected boolean isUpgradeSupported() {
            return false;
        }

        @Override
        protected boolean isConnectSupported() {
            return false;
        }

        @Override
        protected void exchangeComplete(HttpServerExchange exchange) {
        }

        @Override
        protected void setUpgradeListener(HttpUpgradeListener upgradeListener) {
        }

        @Override
        protected void setConnectListener(HttpUpgradeListener connectListener) {
        }

        @Override
        protected void maxEntitySizeUpdated(HttpServerExchange exchange) {
        }

        @Override
        public String getTransportProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public boolean isRequestTrailerFieldsSupported() {
            return false;
        }

        @Override
        public SSLSession getSslSession() {
            return null;
        }

        @Override
        public ChannelListener.Setter<ServerConnection> getCloseSetter() {
            return null;
        }
    }
}
