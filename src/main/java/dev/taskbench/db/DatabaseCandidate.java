package dev.taskbench.db;

/** One link of the provisioning chain. */
public interface DatabaseCandidate {

    DatabaseSource source();

    /**
     * Why this candidate cannot be used here (one short phrase), or {@code null} if it can.
     * Must be cheap and must not start anything.
     */
    String unavailableBecause();

    /**
     * Starts or connects to the server. A candidate that said it is available but then
     * fails throws a {@link dev.taskbench.TaskbenchException} with a readable message.
     */
    ProvisionedDatabase start();
}
