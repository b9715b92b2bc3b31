package io.synaptor.scenarios;


/** What every cluster entry point checks: a node's address, and the version nodes must share. */
public final class ClusterNodes {
    private ClusterNodes() {
    }

    /** The Synaptor version nodes must share (overridable for tests of the refusal). */
    public static String version() {
        return System.getProperty("synaptor.version", "0.1.0");
    }

    /** Refuses anything but HOST:PORT with a port in 1 … 65535, in one sentence. */
    public static void checkAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            if (colon <= 0) throw new NumberFormatException();
            int p = Integer.parseInt(hostPort.substring(colon + 1));
            if (p < 1 || p > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new BadInput("a seed address must be HOST:PORT, got '" + hostPort + "'");
        }
    }
}
