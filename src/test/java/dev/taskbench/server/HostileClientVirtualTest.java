package dev.taskbench.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * HostileClientTest's per-model cases with one virtual thread per request. A class of its own so
 * that the JDK 25 pass runs only these, not the Jetty models the JDK 17 pass already ran.
 */
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need JDK 21+; mvn install runs this class"
        + " again under JDK 25 where /usr/lib/jvm/temurin-25-jdk-amd64 exists (profile jdk25-tests)")
class HostileClientVirtualTest {

    @Test
    void aBodyAtOneByteASecondIsCutOffWhileOthersAreServed() throws Exception {
        new HostileClientTest().aBodyAtOneByteASecondIsCutOffWhileOthersAreServed("virtual");
    }

    @Test
    void pipelinedRequestsGetTheirAnswersInOrder() throws Exception {
        new HostileClientTest().pipelinedRequestsGetTheirAnswersInOrder("virtual");
    }
}
