package dev.taskbench.server;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * TaskServerTest's cases again with one virtual thread per request (gevent's green threads).
 * Needs JDK 21+: {@code mvn install} runs this class a second time under JDK 25 where one is
 * installed (the pom's {@code jdk25-tests} profile).
 */
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21+; mvn install runs this class"
        + " again under JDK 25 where /usr/lib/jvm/temurin-25-jdk-amd64 exists (profile jdk25-tests)")
class TaskServerVirtualTest extends TaskServerTest {

    @Override
    ServerConfig config() {
        return super.config().withThreading(Threading.virtual);
    }
}
