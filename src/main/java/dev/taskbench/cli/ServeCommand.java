package dev.taskbench.cli;

import dev.taskbench.ExitCodes;
import dev.taskbench.config.Command;
import dev.taskbench.config.Settings;
import dev.taskbench.db.DatabaseProvisioner;
import dev.taskbench.db.ProvisionedDatabase;
import dev.taskbench.net.NginxFront;
import dev.taskbench.server.ServerConfig;
import dev.taskbench.server.Service;
import dev.taskbench.server.TaskServer;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mvn jmh:serve [-Dtaskbench.port=8080] [-Dtaskbench.server.path=jdbcPrepared]
 * [-Dtaskbench.server.source=hikari] [-Dtaskbench.server.pool=10]
 * [-Dtaskbench.server.acquireTimeoutMs=1000] [-Dtaskbench.server.host=127.0.0.1]
 * [-Dtaskbench.server.threading=selector|dispatch]}: provisions the database as the benchmarks
 * do and serves the seed's service ({@link TaskServer}) until Ctrl-C.
 */
public final class ServeCommand {
    private ServeCommand() {
    }

    public static void main(String[] args) {
        Command.exit("the server", args, s -> serve(s, System.out));
    }

    static int serve(Settings s, PrintStream out) throws InterruptedException {
        ServeSettings settings = ServeSettings.from(s);
        ServerConfig config = settings.server();
        ProvisionedDatabase db = DatabaseProvisioner.standard(s).provision();
        Service server;
        NginxFront front = null;
        try {
            server = Service.start(db.info(), config);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        if (settings.nginx()) {
            java.util.Optional<java.nio.file.Path> nginx = NginxFront.find();
            if (nginx.isEmpty()) {
                out.println("taskbench: " + NginxFront.MISSING + "; serving without it");
            } else {
                try {
                    front = NginxFront.start(nginx.get(), server.uri());
                } catch (java.io.IOException | RuntimeException e) {
                    server.close();
                    db.close();
                    throw new dev.taskbench.TaskbenchException("cannot start nginx in front of the server: "
                            + e.getMessage(), e);
                }
            }
        }
        NginxFront proxy = front;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("taskbench: stopping the server");
            if (proxy != null) {
                proxy.close();
            }
            server.close();
            db.close();
            stopped.countDown();
        }, "taskbench-server-stop"));
        out.println("taskbench: serving " + server.uri() + "/api/tasks (" + config.describe() + ") on "
                + db.info().redactedUrl());
        if (proxy != null) {
            out.println("taskbench: and behind nginx (keep-alive upstream, generated config) on " + proxy.uri() + "/api/tasks");
        }
        out.println("  curl -d 'title=Buy+milk&description=Two+litres' " + server.uri() + "/api/tasks");
        out.println("  also POST /api/cpu (the seed's CPU round; ?loop=opaque) and /api/empty; Ctrl-C stops");
        stopped.await();
        return ExitCodes.OK;
    }
}
