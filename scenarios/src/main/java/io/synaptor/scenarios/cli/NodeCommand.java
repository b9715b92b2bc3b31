package io.synaptor.scenarios.cli;

import io.synaptor.scenarios.BadInput;
import io.synaptor.scenarios.ClusterNodes;
import io.synaptor.actors.ClusterNode;
import io.synaptor.actors.ClusterSecurity;
import io.synaptor.actors.ProtocolSerializer;
import io.synaptor.actors.SimulationRunner;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code synaptor node}: a cluster worker (issue 6) that hosts its share of the unit and synapse
 * actors of the runs submitted with {@code synaptor run --cluster}. Runs until stopped.
 */
@Command(name = "node", description = "Start a cluster node that hosts unit and synapse actors of submitted runs (stop it with Ctrl-C).")
final class NodeCommand implements Callable<Integer> {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", description = "address this node binds and is reached at (default 127.0.0.1)")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "TCP port (default 2552; 0: any free port, which the 'node up' line names)")
    int port = 2552;

    @Option(names = "--seed", paramLabel = "HOST:PORT", description = "a seed node to join, repeatable (default: this node itself, which starts a new cluster)")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--role", description = "extra cluster roles, repeatable (every node has the role 'worker')")
    List<String> roles = new ArrayList<>();

    @Option(names = "--threads", description = "dispatcher threads (default 2)")
    int threads = 2;

    @Option(names = "--join-timeout", paramLabel = "SECONDS", description = "give up if the cluster is not joined within this time (default 30)")
    int joinTimeout = 30;

    @CommandLine.Mixin
    ClusterCredentials credentials = new ClusterCredentials();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) throw new BadInput("--port must be in 0 … 65535, got " + port);
        for (String s : seeds) ClusterNodes.checkAddress(s);
        ClusterSecurity security = credentials.security(host);
        if (port != 0) checkPortFree(host, port);
        List<String> allRoles = new ArrayList<>(List.of(ClusterNode.WORKER));
        allRoles.addAll(roles);
        ActorSystem<Void> system = ActorSystem.create(ClusterNode.worker(), ClusterNode.SYSTEM,
                ClusterNode.config(host, port, seeds, allRoles, ClusterNodes.version(), threads, security));
        ProtocolSerializer.checkBindings(system);
        Cluster cluster = Cluster.get(system);
        // Artery has bound its port by now (port 0: an ephemeral one), so the address is the real one.
        String self = host + ":" + cluster.selfMember().address().getPort().get();
        List<String> seedList = seeds.isEmpty() ? List.of(self) : seeds;
        if (seeds.isEmpty()) cluster.manager().tell(Join.create(cluster.selfMember().address())); // a new cluster
        long deadline = System.nanoTime() + joinTimeout * 1_000_000_000L;
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (system.whenTerminated().isCompleted()) {
                throw new BadInput("the cluster at " + String.join(", ", seedList) + " refused this node: it runs another Synaptor version than "
                        + ClusterNodes.version() + " (every node and submitter must run the same one)");
            }
            if (System.nanoTime() > deadline) {
                SimulationRunner.stop(system);
                throw new BadInput("could not join the cluster through " + String.join(", ", seedList) + " within " + joinTimeout
                        + " s: is a node running there, is that address reachable, and does this node hold the cluster's credentials? "
                        + "(a cluster that speaks TLS refuses a member whose certificate its trust store does not hold, and one without TLS)");
            }
            Thread.sleep(100);
        }
        // The first line, and the only one: launchers of port-0 nodes (LocalNodes) read the address from it.
        out.printf("synaptor node up at %s (roles %s, seeds %s)%n", self, allRoles, seedList);
        out.flush();
        system.getWhenTerminated().toCompletableFuture().get();
        return 0;
    }

    private static void checkPortFree(String host, int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new BadInput("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "): is another node using that port?");
        }
    }
}
